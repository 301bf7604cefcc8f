package io.longnam.report;

import io.longnam.document.DocumentStatus;
import io.longnam.identity.Caller;
import io.longnam.report.ReportDtos.DocumentReport;
import io.longnam.report.ReportDtos.ReportRow;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a dashboard shows (TOR 2.9.7), for the caller's subtree, in one call. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {

    static final int TOP_ORGANIZATIONS = 5;
    private static final List<String> TERMINAL = Arrays.stream(DocumentStatus.values()).filter(DocumentStatus::isTerminal)
            .map(Enum::name).toList();

    @Inject
    ReportService reports;
    @Inject
    OrganizationService organizations;
    @Inject
    EntityManager em;

    @Schema(name = "Dashboard")
    public record Dashboard(UUID organizationId, Instant generatedAt, String lang, Totals totals,
                            @Schema(description = "documents that entered each status this year (Bangkok days), the rows of "
                                    + "`GET /api/v1/reports/documents?groupBy=status` for the same organisation")
                            List<ReportRow> byStatus,
                            @Schema(description = "documents created per Bangkok day over the last `days` days, zeros included")
                            List<ReportRow> series,
                            @Schema(description = "the organisation's children (with their subtrees) that created most this year")
                            List<ReportRow> topOrganizations,
                            Backlog backlog) {
    }

    public record Totals(@Schema(description = "documents held in the subtree, tombstones of erased ones excluded") long documents,
                         long createdToday, long createdThisMonth, long createdThisYear) {
    }

    public record Backlog(long jobsQueued, long jobsRunning,
                          @Schema(description = "items of unfinished jobs still to process") long jobItemsPending,
                          @Schema(description = "documents waiting in an approval workflow") long pendingApproval) {
    }

    @SuppressWarnings("unchecked")
    public Dashboard dashboard(Caller caller, UUID organizationId, int days, boolean thai, LocalDate today, Instant now) {
        Organization root = organizations.visible(caller, organizationId == null ? caller.organizationId() : organizationId);
        String lang = thai ? "th" : "en";
        DocumentReport series = reports.documents(caller, filter(GroupBy.DAY, today.minusDays(days - 1L), today, root, thai));
        DocumentReport year = reports.documents(caller, filter(GroupBy.ORGANIZATION, today.withDayOfYear(1), today, root, thai));
        Map<String, Long> byDay = new HashMap<>();
        series.rows().forEach(r -> byDay.put(r.key(), r.count()));
        List<ReportRow> filled = new ArrayList<>(days);
        for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            filled.add(new ReportRow(d.toString(), ReportLabels.day(d, thai), byDay.getOrDefault(d.toString(), 0L)));
        }
        // The breakdown is the report's (the event-kept summary), so dashboard and report never disagree.
        List<ReportRow> byStatus = reports.documents(caller, new ReportFilter(GroupBy.STATUS, today.withDayOfYear(1), today,
                root.id, List.of(), List.of(), List.of(), List.of(), thai)).rows();
        String subtree = Organization.subtree(root.path);
        // What is held and waiting now is current state, which the per-day counts of status entries cannot give.
        Object[] current = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where d.status not in (:terminal)), count(*) filter (where d.status = :waiting)
                        from document d
                        where d.organization_id in (select s.id from organization s where s.path like :subtree)""")
                .setParameter("subtree", subtree).setParameter("terminal", TERMINAL)
                .setParameter("waiting", DocumentStatus.PENDING_APPROVAL.name()).getSingleResult();
        long held = ((Number) current[0]).longValue();
        long pendingApproval = ((Number) current[1]).longValue();
        Object[] jobs = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where j.status = 'QUEUED'), count(*) filter (where j.status = 'RUNNING'),
                               coalesce(sum(j.total - j.done - j.failed), 0)
                        from job j
                        where j.status in ('QUEUED', 'RUNNING')
                          and j.organization_id in (select s.id from organization s where s.path like ?1)""")
                .setParameter(1, subtree).getSingleResult();
        long month = reports.documents(caller, filter(GroupBy.YEAR, today.withDayOfMonth(1), today, root, thai)).total();
        Totals totals = new Totals(held, filled.getLast().count(), month, year.total());
        List<ReportRow> top = year.rows().stream().filter(r -> !r.key().equals(root.id.toString()))
                .limit(TOP_ORGANIZATIONS).toList();
        return new Dashboard(root.id, now, lang, totals, byStatus, filled, top,
                new Backlog(((Number) jobs[0]).longValue(), ((Number) jobs[1]).longValue(), ((Number) jobs[2]).longValue(),
                        pendingApproval));
    }

    private static ReportFilter filter(GroupBy groupBy, LocalDate from, LocalDate to, Organization root, boolean thai) {
        return new ReportFilter(groupBy, from, to, root.id, List.of(DocumentStatus.REGISTERED.name()), List.of(), List.of(),
                List.of(), thai);
    }
}
