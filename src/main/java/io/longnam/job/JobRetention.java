package io.longnam.job;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deletes jobs and their items {@code longnam.jobs.retention} after the job ended. A job's rows only describe how
 * its documents were made; the documents and the audit trail stay. Unfinished jobs are never touched.
 */
@ApplicationScoped
public class JobRetention {

    /** What one purge transaction deleted: jobs and item rows. */
    public record Purged(int jobs, long items) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    JobsConfig config;
    @Inject
    Event<DomainEvent> events;

    @Scheduled(every = "${longnam.jobs.purge-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        Purged total = purgeEnded();
        if (total.jobs() > 0) {
            Log.infof("jobs: purged %d ended jobs with %d items past their retention", total.jobs(), total.items());
        }
    }

    /** Purges, batch after batch, every job that ended before now minus the retention. */
    public Purged purgeEnded() {
        Instant cutoff = clock.now().minus(config.retention());
        int jobs = 0;
        long items = 0;
        Purged batch;
        do {
            batch = purgeBatch(cutoff);
            jobs += batch.jobs();
            items += batch.items();
        } while (batch.jobs() > 0);
        return new Purged(jobs, items);
    }

    /**
     * One transaction: the longest-ended jobs whose items add up to at most {@code purge-batch-items} (at least one
     * job), deleted with their items (the foreign key cascades), and per organisation one audit event saying how
     * many. A concurrent purge on another instance deletes disjoint rows or none: a row already gone is not counted.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    Purged purgeBatch(Instant endedBefore) {
        List<Object[]> rows = em.createNativeQuery("""
                        with ended as (
                            select id, total, sum(total) over (order by finished_at, id) as running,
                                   row_number() over (order by finished_at, id) as n
                            from job
                            where status not in ('QUEUED', 'RUNNING') and finished_at < ?1
                            order by finished_at, id
                            limit 1000)
                        delete from job j using ended e
                        where j.id = e.id and (e.running <= ?2 or e.n = 1)
                        returning j.organization_id, j.total""")
                .setParameter(1, endedBefore).setParameter(2, config.purgeBatchItems()).getResultList();
        Map<UUID, long[]> perOrganisation = new TreeMap<>();
        for (Object[] r : rows) {
            long[] counts = perOrganisation.computeIfAbsent((UUID) r[0], o -> new long[2]);
            counts[0]++;
            counts[1] += ((Number) r[1]).longValue();
        }
        long items = 0;
        for (Map.Entry<UUID, long[]> e : perOrganisation.entrySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("jobs", e.getValue()[0]);
            details.put("items", e.getValue()[1]);
            details.put("endedBefore", endedBefore.toString());
            details.put("retention", config.retention().toString());
            events.fire(new DomainEvent(e.getKey(), "system:retention", "job.retention-purged", "organization",
                    e.getKey().toString(), details));
            items += e.getValue()[1];
        }
        return new Purged(rows.size(), items);
    }
}
