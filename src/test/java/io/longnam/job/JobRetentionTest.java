package io.longnam.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The test profile keeps ended jobs two days and purges at most three items per transaction. */
@QuarkusTest
class JobRetentionTest {

    @Inject
    DataSource ds;
    @Inject
    JobRetention retention;
    @Inject
    JobsConfig config;
    @Inject
    JobWorkers workers;

    @Test
    void endedJobsArePurgedInBatchesAfterTheRetentionButUnfinishedAndRecentOnesStay() {
        Tenant admin = Api.school("โรงเรียนเก็บงาน");
        Tenant school = admin.withRoles("REGISTRAR");
        UUID old1 = settled(school);
        UUID old2 = settled(school);
        UUID recent = settled(school);
        UUID unfinished;
        workers.pause();
        try {
            unfinished = JobSamples.submit(school, Map.of("templateId", "PP2", "records", JobSamples.pp2s(2)));
            Instant now = Instant.now();
            Duration kept = config.retention();
            endedAt(old1, now.minus(kept).minus(Duration.ofHours(2)));
            endedAt(old2, now.minus(kept).minus(Duration.ofHours(1)));
            endedAt(recent, now.minus(kept).plus(Duration.ofHours(1)));
            Sql.update(ds, "update job set created_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(now.minus(kept.multipliedBy(3))), Timestamp.from(now.minus(kept.multipliedBy(3))), unfinished);

            JobRetention.Purged purged = retention.purgeEnded();

            assertThat(purged.jobs()).isGreaterThanOrEqualTo(2);
            for (UUID gone : new UUID[]{old1, old2}) {
                assertThat(Sql.count(ds, "select count(*) from job where id = ?", gone)).isZero();
                assertThat(Sql.count(ds, "select count(*) from job_item where job_id = ?", gone)).isZero();
                // The rows only said how the documents were made: the documents stay.
                assertThat(Sql.count(ds, "select count(*) from document where external_ref like ?", "job:" + gone + ":%")).isEqualTo(2);
                school.as().get("/api/v1/jobs/{id}", gone).then().statusCode(404);
            }
            assertThat(Sql.count(ds, "select count(*) from job_item where job_id = ?", recent)).isEqualTo(2);
            assertThat(Sql.count(ds, "select count(*) from job_item where job_id = ?", unfinished)).isEqualTo(2);
            school.as().get("/api/v1/jobs/{id}", unfinished).then().statusCode(200);
            // Two jobs of two items each exceed a batch of three items: two transactions, each audited.
            assertThat(Sql.count(ds, "select count(*) from audit_event where organization_id = ? and action = 'job.retention-purged' "
                    + "and actor = 'system:retention'", school.orgId())).isEqualTo(2);
        } finally {
            workers.resume();
        }
        JobSamples.awaitSettled(school, unfinished);
    }

    private UUID settled(Tenant school) {
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP2", "records", JobSamples.pp2s(2)));
        assertThat(JobSamples.awaitSettled(school, job).getString("status")).isEqualTo("SUCCEEDED");
        return job;
    }

    private void endedAt(UUID job, Instant at) {
        Sql.update(ds, "update job set created_at = ?, started_at = ?, finished_at = ?, updated_at = ? where id = ?",
                Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), job);
    }
}
