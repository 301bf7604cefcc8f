package io.longnam.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobFairnessTest {

    private static final int BIG = 150;

    @Test
    void anotherSchoolsSmallJobFinishesWhileABigJobSubmittedBeforeItStillHasMostOfItsItemsLeft() {
        Tenant big = Api.school("โรงเรียนใหญ่งานเยอะ").withRoles("REGISTRAR");
        Tenant small = Api.school("โรงเรียนเล็กงานน้อย").withRoles("REGISTRAR");
        UUID bigJob = JobSamples.submit(big, Map.of("templateId", "PP2", "records", JobSamples.pp2s(BIG)));
        awaitDone(big, bigJob, 4);
        UUID smallJob = JobSamples.submit(small, Map.of("templateId", "PP2", "records", JobSamples.pp2s(10)));

        JsonPath smallEnd = JobSamples.awaitSettled(small, smallJob);
        JsonPath bigNow = big.as().get("/api/v1/jobs/{id}", bigJob).then().statusCode(200).extract().jsonPath();

        assertThat(smallEnd.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(smallEnd.getInt("done")).isEqualTo(10);
        assertThat(bigNow.getString("status")).isEqualTo("RUNNING");
        assertThat(bigNow.getInt("remaining")).isGreaterThan(BIG / 2);
        // Cancelling while both workers settle items of the job (this once deadlocked) frees them for later tests.
        big.as().post("/api/v1/jobs/{id}/cancel", bigJob).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    /** Waits until the job has made {@code n} documents, so it holds the workers when the next job arrives. */
    private static void awaitDone(Tenant t, UUID job, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (t.as().get("/api/v1/jobs/{id}", job).then().statusCode(200).extract().<Integer>path("done") < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " made fewer than " + n + " documents in time");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
