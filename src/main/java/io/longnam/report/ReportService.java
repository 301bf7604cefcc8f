package io.longnam.report;

import io.longnam.identity.Caller;
import io.longnam.report.ReportDtos.DocumentReport;
import io.longnam.report.ReportDtos.ReportRow;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Document reports (TOR 2.9), counted in SQL over {@code document_status_event} within the caller's subtree. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    @Inject
    EntityManager em;
    @Inject
    OrganizationService organizations;

    @SuppressWarnings("unchecked")
    public DocumentReport documents(Caller caller, ReportFilter f) {
        Organization root = organizations.visible(caller, f.organizationId() == null ? caller.organizationId()
                : f.organizationId());
        Map<String, Object> params = new HashMap<>();
        String key = f.groupBy() == GroupBy.ORGANIZATION ? childOf(root, params) : f.groupBy().sql;
        StringBuilder sql = new StringBuilder("select ").append(key).append(" as k, count(*) from document_status_event e ");
        if (f.groupBy() == GroupBy.ORGANIZATION) {
            sql.append("join organization o on o.id = e.organization_id ");
        }
        sql.append("where e.occurred_at >= :from and e.occurred_at < :to")
                .append(" and e.organization_id in (select s.id from organization s where s.path like :subtree)");
        params.put("from", start(f));
        params.put("to", end(f));
        params.put("subtree", Organization.subtree(root.path));
        in(sql, params, "e.status", "statuses", f.statuses());
        in(sql, params, "e.document_type", "types", f.types());
        in(sql, params, "e.input_format", "formats", f.inputFormats());
        in(sql, params, "e.import_channel", "channels", f.importChannels());
        sql.append(" group by 1 order by ").append(f.groupBy().isTime() ? "1" : "2 desc, 1");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        Map<String, String> names = f.groupBy() == GroupBy.ORGANIZATION ? names(rows) : Map.of();
        List<ReportRow> out = new ArrayList<>(rows.size());
        long total = 0;
        for (Object[] r : rows) {
            String k = (String) r[0];
            long n = ((Number) r[1]).longValue();
            total += n;
            out.add(new ReportRow(k, f.groupBy() == GroupBy.ORGANIZATION ? names.getOrDefault(k, k)
                    : ReportLabels.label(f.groupBy(), k, f.thai()), n));
        }
        return new DocumentReport(f.groupBy().param(), f.from(), f.to(), root.id, f.statuses(), f.types(),
                f.inputFormats(), f.importChannels(), f.thai() ? "th" : "en", total, out);
    }

    static Instant start(ReportFilter f) {
        return f.from().atStartOfDay(ReportFilter.BANGKOK).toInstant();
    }

    static Instant end(ReportFilter f) {
        return f.to().plusDays(1).atStartOfDay(ReportFilter.BANGKOK).toInstant();
    }

    /**
     * The id of the root's child whose subtree holds the row's organisation, or the root's own id: a path
     * {@code /a/b/c/} splits into '', a, b, c, '' — for root {@code /a/} the child is part 3.
     */
    private static String childOf(Organization root, Map<String, Object> params) {
        int depth = (int) root.path.chars().filter(c -> c == '/').count() - 1;
        params.put("root", root.id.toString());
        return "coalesce(nullif(split_part(o.path, '/', " + (depth + 2) + "), ''), :root)";
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" in (:").append(name).append(")");
            params.put(name, values);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> names(List<Object[]> rows) {
        List<UUID> ids = rows.stream().map(r -> UUID.fromString((String) r[0])).toList();
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] o : (List<Object[]>) em.createQuery("select o.id, o.name from Organization o where o.id in :ids")
                    .setParameter("ids", ids).getResultList()) {
                names.put(o[0].toString(), (String) o[1]);
            }
        }
        return names;
    }
}
