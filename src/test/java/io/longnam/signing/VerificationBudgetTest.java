package io.longnam.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.SoftwareSealKey;
import io.longnam.testpki.TestPki;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A check that overruns its budget answers a problem. Its work after cancellation is not instant: only DSS's page
 * loops notice the interrupt (see PageTreeVerificationCostTest), the rest of a one-page check runs to its end.
 */
@QuarkusTest
@TestProfile(VerificationBudgetTest.TinyBudget.class)
class VerificationBudgetTest {

    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("longnam.verification.time-budget", "50ms", "longnam.verification.threads", "1");
        }
    }

    @Inject
    VerificationPool pool;

    @Test
    void overrunningTheBudgetIs422() throws Exception {
        Tenant school = Api.school("โรงเรียนงบเวลา");
        byte[] sealed;
        try (TestPki pki = new TestPki()) {
            SoftwareSealKey.enrol(school, pki);
            UUID doc = Api.register(school, "budget");
            school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
            sealed = school.as().get("/api/v1/documents/{id}/file", doc).then().extract().asByteArray();
            school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(422)
                    .body("type", equalTo("https://longnam.io/problems/verification-too-costly"))
                    .body("timeBudgetMillis", equalTo(50));
            awaitIdle();
        }
        given().multiPart("file", "sealed.pdf", sealed, "application/pdf").post("/api/v1/verifications").then()
                .statusCode(422).body("type", equalTo("https://longnam.io/problems/verification-too-costly"));
        awaitIdle();
    }

    /** With one thread, a check cancelled but still finishing would make the next one wait (503, not 422). */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (pool.running() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.running()).as("checks still running after cancellation").isZero();
    }
}
