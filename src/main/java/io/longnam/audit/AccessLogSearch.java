package io.longnam.audit;

import io.longnam.common.CsvWriter;
import io.longnam.common.Cursor;
import io.longnam.common.LogPeriod;
import io.longnam.common.Page;
import io.longnam.common.Params;
import io.longnam.common.ProblemException;
import io.longnam.common.SqlQuery;
import io.longnam.identity.Caller;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Reads the access log of one organisation (or its subtree) the caller reaches. */
@ApplicationScoped
public class AccessLogSearch {

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");
    private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|xx)");

    @Inject
    OrganizationService organizations;
    @Inject
    DataSource dataSource;

    /** One access-log row as searches answer it. */
    public record AccessLogView(UUID id, Instant time, String requestId, String actor, UUID organizationId,
                                String method, String route, int status, int latencyMs, String clientIp,
                                String userAgent) {
    }

    /** Filters of a search; null means any. {@code status} is a code such as 404 or a class such as 4xx. */
    public record Filter(LogPeriod period, String actor, String method, String status, String route, boolean subtree) {
    }

    public Page<AccessLogView> page(Caller caller, UUID orgId, Filter filter, String cursor, int limit) {
        return query(caller, orgId, filter).page(dataSource, cursor, limit, AccessLogSearch::view,
                v -> new Cursor(v.time(), v.id()));
    }

    /** Checks access and filters now, so a refusal is still a problem answer; rows are read while the body is sent. */
    public StreamingOutput csv(Caller caller, UUID orgId, Filter filter, int maxRows) {
        SqlQuery query = query(caller, orgId, filter);
        return out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row("time", "requestId", "actor", "organizationId", "method", "route", "status", "latencyMs",
                        "clientIp", "userAgent");
                query.stream(dataSource, maxRows, AccessLogSearch::view, v -> csv.row(v.time(), v.requestId(),
                        v.actor(), v.organizationId(), v.method(), v.route(), v.status(), v.latencyMs(), v.clientIp(),
                        v.userAgent()));
            }
        };
    }

    private SqlQuery query(Caller caller, UUID orgId, Filter f) {
        Organization org = organizations.visible(caller, orgId);
        SqlQuery q = new SqlQuery("select id, at, request_id, actor, organization_id, method, route, status, "
                + "latency_ms, client_ip, user_agent from access_log", "at");
        if (f.subtree()) {
            // Paths hold only hex digits, '-' and '/', so no LIKE wildcard can hide in one.
            q.and("organization_path like ?", org.path + "%");
        } else {
            q.and("organization_id = ?", org.id);
        }
        q.during(f.period()).andIf(Params.text(f.actor()), "actor = ?").andIf(Params.text(f.route()), "route = ?");
        String method = Params.text(f.method());
        if (method != null) {
            if (!METHOD.matcher(method).matches()) {
                throw ProblemException.invalid("method", "method must be an HTTP method such as GET");
            }
            q.and("method = ?", method.toUpperCase(Locale.ROOT));
        }
        String status = Params.text(f.status());
        if (status != null) {
            String s = status.toLowerCase(Locale.ROOT);
            if (!STATUS.matcher(s).matches()) {
                throw ProblemException.invalid("status", "status must be a code such as 404 or a class such as 4xx");
            }
            int low = s.endsWith("xx") ? (s.charAt(0) - '0') * 100 : Integer.parseInt(s);
            q.and("status between ? and ?", low, s.endsWith("xx") ? low + 99 : low);
        }
        return q;
    }

    private static AccessLogView view(ResultSet rs) throws SQLException {
        return new AccessLogView(rs.getObject("id", UUID.class), SqlQuery.instant(rs, "at"),
                rs.getString("request_id"), rs.getString("actor"), rs.getObject("organization_id", UUID.class),
                rs.getString("method"), rs.getString("route"), rs.getInt("status"), rs.getInt("latency_ms"),
                rs.getString("client_ip"), rs.getString("user_agent"));
    }
}
