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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Document reports (TOR 2.9), summed in SQL over the per-day counts of {@code document_daily_summary} within the
 * caller's subtree: every grouping and filter is a column there, so no report reads the raw status events.
 */
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
        // Time keys are grouped by day first and labelled after, and the roll-up by organisation first and mapped to
        // the root's children after: to_char and the path split then run once per group, not once per summary row.
        String key = switch (f.groupBy()) {
            case ORGANIZATION -> "s.organization_id";
            case DAY, MONTH, YEAR -> "s.day";
            default -> f.groupBy().sql;
        };
        StringBuilder sql = new StringBuilder("select ").append(key)
                .append(" as k, sum(s.n) as n from document_daily_summary s ");
        sql.append("where s.day between :from and :to")
                .append(" and s.organization_id in (select o.id from organization o where o.path like :subtree)");
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("subtree", Organization.subtree(root.path));
        in(sql, params, "s.status", "statuses", f.statuses());
        in(sql, params, "s.document_type", "types", f.types());
        in(sql, params, "s.input_format", "formats", f.inputFormats());
        in(sql, params, "s.import_channel", "channels", f.importChannels());
        sql.append(" group by 1");
        if (f.groupBy().isTime()) {
            sql.insert(0, "select to_char(cast(d.k as timestamp), '" + f.groupBy().sql + "'), sum(d.n) from (")
                    .append(") d group by 1 order by 1");
        } else if (f.groupBy() == GroupBy.ORGANIZATION) {
            sql.insert(0, "select " + childOf(root, params) + ", sum(d.n) from (")
                    .append(") d join organization o on o.id = d.k group by 1 order by 2 desc, 1");
        } else {
            sql.append(" order by 2 desc, 1");
        }
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
