package io.longnam.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.CsvWriter;
import io.longnam.common.Cursor;
import io.longnam.common.LogPeriod;
import io.longnam.common.Page;
import io.longnam.common.Params;
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
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the audit trail of one organisation (or its subtree) the caller reaches. */
@ApplicationScoped
public class AuditSearch {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrganizationService organizations;
    @Inject
    DataSource dataSource;

    public record AuditEventView(UUID id, UUID organizationId, long chainSeq, Instant occurredAt, String actor,
                                 String action, String targetType, String targetId, String clientIp, JsonNode details) {
    }

    /** Filters of a search; null means any. */
    public record Filter(LogPeriod period, String actor, String action, String targetType, String targetId,
                         boolean subtree) {
    }

    public Page<AuditEventView> page(Caller caller, UUID orgId, Filter filter, String cursor, int limit) {
        return query(caller, orgId, filter).page(dataSource, cursor, limit, AuditSearch::view,
                v -> new Cursor(v.occurredAt(), v.id()));
    }

    /** Checks access and filters now, so a refusal is still a problem answer; rows are read while the body is sent. */
    public StreamingOutput csv(Caller caller, UUID orgId, Filter filter, int maxRows) {
        SqlQuery query = query(caller, orgId, filter);
        return out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row("occurredAt", "organizationId", "chainSeq", "actor", "action", "targetType", "targetId",
                        "clientIp", "details");
                query.stream(dataSource, maxRows, AuditSearch::view, v -> csv.row(v.occurredAt(), v.organizationId(),
                        v.chainSeq(), v.actor(), v.action(), v.targetType(), v.targetId(), v.clientIp(), v.details()));
            }
        };
    }

    private SqlQuery query(Caller caller, UUID orgId, Filter f) {
        Organization org = organizations.visible(caller, orgId);
        SqlQuery q = new SqlQuery("select id, organization_id, chain_seq, occurred_at, actor, action, target_type, "
                + "target_id, client_ip, details from audit_event", "occurred_at");
        if (f.subtree()) {
            // Paths hold only hex digits, '-' and '/', so no LIKE wildcard can hide in one.
            q.and("organization_id in (select id from organization where path like ?)", org.path + "%");
        } else {
            q.and("organization_id = ?", org.id);
        }
        return q.during(f.period()).andIf(Params.text(f.actor()), "actor = ?")
                .andIf(Params.text(f.action()), "action = ?").andIf(Params.text(f.targetType()), "target_type = ?")
                .andIf(Params.text(f.targetId()), "target_id = ?");
    }

    private static AuditEventView view(ResultSet rs) throws SQLException {
        return new AuditEventView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getLong("chain_seq"), SqlQuery.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("client_ip"), details(rs.getString("details")));
    }

    private static JsonNode details(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are written as JSON by AuditService", e);
        }
    }
}
