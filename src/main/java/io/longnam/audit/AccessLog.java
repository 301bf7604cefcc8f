package io.longnam.audit;

import io.longnam.common.Clock;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The access log's write side: requests queue here, one thread inserts them in JDBC batches, a schedule purges. */
@ApplicationScoped
public class AccessLog {

    private static final String INSERT = "insert into access_log (id, at, request_id, actor, organization_id, "
            + "organization_path, method, route, status, latency_ms, client_ip, user_agent) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int PURGE_BATCH = 10_000;

    @Inject
    AccessLogConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    private AccessLogWriter writer;

    @PostConstruct
    void start() {
        writer = new AccessLogWriter(config.queueCapacity(), config.batchSize(), config.flushInterval(), this::insert);
    }

    void stop(@Observes ShutdownEvent event) {
        writer.close();
    }

    public void record(AccessLogEntry entry) {
        writer.offer(entry);
    }

    /** Writes what is queued now; for tests, which otherwise would race the writer thread. */
    public void flush() {
        writer.flush();
    }

    void insert(List<AccessLogEntry> batch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (AccessLogEntry e : batch) {
                ps.setObject(1, e.id());
                ps.setTimestamp(2, Timestamp.from(e.at()));
                ps.setString(3, e.requestId());
                ps.setString(4, e.actor());
                ps.setObject(5, e.organizationId(), Types.OTHER);
                ps.setString(6, e.organizationPath());
                ps.setString(7, e.method());
                ps.setString(8, e.route());
                ps.setInt(9, e.status());
                ps.setInt(10, e.latencyMs());
                ps.setString(11, e.clientIp());
                ps.setString(12, e.userAgent());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Scheduled(every = "${longnam.access-log.purge-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purgeOlderThan(clock.now().minus(config.retention()));
        if (purged > 0) {
            Log.infof("access log: purged %d rows older than %s", purged, config.retention());
        }
    }

    /** Deletes in batches, so a long backlog never holds one huge transaction or lock. */
    public long purgeOlderThan(Instant cutoff) {
        long total = 0;
        int n;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from access_log where id in (select id from access_log where at < ? limit ?)")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setInt(2, PURGE_BATCH);
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == PURGE_BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return total;
    }
}
