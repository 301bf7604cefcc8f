package io.longnam.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person's job, as the key-revocation case in JobRecoveryTest: the worker pool is paused while a batch is made by hand. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class JobSubmitterDisabledTest {

    @Inject
    JobWorkers workers;
    @Inject
    JobStore store;
    @Inject
    JobProcessor processor;

    @Test
    void aPersonsJobStopsTakingItemsOnceTheUserIsDisabled() {
        Tenant school = Api.school("โรงเรียนครูถูกระงับ");
        Person teacher = People.person("ครูสมศรี ใจงาน");
        String userId = People.activated(school, teacher, "REGISTRAR");
        workers.pause();
        UUID job;
        try {
            job = UUID.fromString(teacher.as().contentType(ContentType.JSON)
                    .body(Map.of("templateId", "PP2", "records", JobSamples.pp2s(6)))
                    .post("/api/v1/jobs").then().statusCode(202).extract().path("id"));
            processor.process(job, store.claim(job, 2));
            school.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/{id}", userId)
                    .then().statusCode(200).body("status", equalTo("DISABLED"));
        } finally {
            workers.resume();
        }

        JsonPath p = JobSamples.awaitSettled(school, job);
        assertThat(p.getString("status")).isEqualTo("SUBMITTER_REVOKED");
        assertThat(p.getInt("done")).isEqualTo(2);
        assertThat(p.getInt("cancelled")).isEqualTo(4);
        List<Map<String, Object>> stopped = JobSamples.items(school, job, "CANCELLED");
        assertThat(stopped).hasSize(4).allSatisfy(i -> {
            assertThat(i.get("errorCode")).isEqualTo("submitter-revoked");
            assertThat(i.get("errorMessage")).isEqualTo("the user who submitted the job was disabled");
        });
    }
}
