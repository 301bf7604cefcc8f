package io.longnam.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The per-day counts reports read stay exactly the raw status events grouped by Bangkok day: after changes through
 * the API, under concurrent writers of one organisation, and when the migration's backfill recomputes them.
 */
@QuarkusTest
class DocumentDailySummaryTest {

    /** Summary rows of the organisation that differ from its events grouped by day (either side). */
    static final String MISMATCHES = """
            select count(*) from (
              (select day, status, document_type, input_format, import_channel, n from document_daily_summary
               where organization_id = ?
               except
               select (occurred_at at time zone 'Asia/Bangkok')::date, status, document_type, input_format, import_channel,
                      count(*)::int from document_status_event where organization_id = ? group by 1, 2, 3, 4, 5)
              union all
              (select (occurred_at at time zone 'Asia/Bangkok')::date, status, document_type, input_format, import_channel,
                      count(*)::int from document_status_event where organization_id = ? group by 1, 2, 3, 4, 5
               except
               select day, status, document_type, input_format, import_channel, n from document_daily_summary
               where organization_id = ?)) x""";

    @Inject
    DataSource db;

    @Test
    void everyStatusADocumentEntersThroughTheApiIsCountedOnItsBangkokDay() {
        Tenant school = Api.school("สรุปรายวัน");
        Api.register(school, "one");
        UUID deleted = Api.register(school, "two");
        school.as().delete("/api/v1/documents/{id}", deleted).then().statusCode(200);

        assertThat(summed(school.orgId(), "REGISTERED")).isEqualTo(2);
        assertThat(summed(school.orgId(), "DELETED")).isEqualTo(1);
        assertThat(mismatches(school.orgId())).isZero();
    }

    @Test
    void concurrentRegistrationsInOneOrganisationAreAllCountedWithoutDeadlock() throws Exception {
        Tenant school = Api.school("พร้อมกัน");
        int threads = 6;
        int each = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Api.register(school, "doc " + thread + "-" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(summed(school.orgId(), "REGISTERED")).isEqualTo(threads * each);
        assertThat(mismatches(school.orgId())).isZero();
    }

    @Test
    void theMigrationsBackfillRecomputesTheSameCountsFromTheEvents() throws IOException {
        Tenant school = Api.school("เติมย้อนหลัง");
        Api.register(school, "one");
        Api.register(school, "two");
        Sql.update(db, "delete from document_daily_summary where organization_id = ?", school.orgId());
        assertThat(mismatches(school.orgId())).isPositive();

        Sql.update(db, backfill());

        assertThat(summed(school.orgId(), "REGISTERED")).isEqualTo(2);
        assertThat(mismatches(school.orgId())).isZero();
    }

    private long summed(UUID org, String status) {
        return Sql.count(db, "select coalesce(sum(n), 0) from document_daily_summary where organization_id = ? and status = ?"
                + " and day = ?", org, status, LocalDate.now(ZoneId.of("Asia/Bangkok")));
    }

    private long mismatches(UUID org) {
        return Sql.count(db, MISMATCHES, org, org, org, org);
    }

    /** The statement between the backfill markers of V20, as bench/reports.sh runs it too. */
    private static String backfill() throws IOException {
        try (InputStream in = DocumentDailySummaryTest.class.getResourceAsStream("/db/migration/V20__report_summary.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.substring(sql.indexOf("-- backfill:begin"), sql.indexOf("-- backfill:end"));
        }
    }
}
