package io.longnam.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.job.JobStore.Claimed;
import io.longnam.job.JobStore.JobContext;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.testpki.TestPki;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes and cancellation. The worker pool is paused so the test plays a worker by hand: it claims items the way
 * a worker does, does part of their work, then "dies" (its leases are made to expire), and the startup recovery
 * hands the items to the real pool.
 */
@QuarkusTest
class JobRecoveryTest {

    @Inject
    DataSource ds;
    @Inject
    JobWorkers workers;
    @Inject
    JobStore store;
    @Inject
    JobProcessor processor;

    Tenant admin;
    Tenant school;

    @BeforeEach
    void setUp() {
        admin = Api.school("โรงเรียนกู้คืน");
        school = admin.withRoles("REGISTRAR", "SIGNER");
        workers.pause();
    }

    @AfterEach
    void tearDown() {
        workers.resume();
    }

    @Test
    void aJobInterruptedByACrashResumesWithExactlyOneDocumentPerItem() {
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP1", "records", JobSamples.pp1s(6)));
        List<Claimed> dying = store.claim(job, 4);
        assertThat(dying).extracting(Claimed::seq).containsExactly(1, 2, 3, 4);
        processor.process(job, dying.subList(0, 2));
        // The worker dies holding items 3 and 4; time passes beyond its lease.
        expireLeases(job);

        assertThat(workers.recover()).as("items reclaimed by the startup recovery").isEqualTo(2);
        workers.resume();
        JsonPath p = JobSamples.awaitSettled(school, job);
        assertThat(p.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(p.getInt("done")).isEqualTo(6);

        // The dead worker was only slow: it comes back and tries to record item 3, but its claim is fenced off.
        processor.process(job, List.of(dying.get(2)));

        List<Map<String, Object>> items = JobSamples.items(school, job, null);
        assertThat(items).extracting(i -> i.get("documentId")).doesNotContainNull().doesNotHaveDuplicates().hasSize(6);
        assertThat(items).filteredOn(i -> (int) i.get("seq") >= 3 && (int) i.get("seq") <= 4)
                .allSatisfy(i -> assertThat(i.get("attempts")).isEqualTo(2));
        assertThat(documentsOf(job)).isEqualTo(6);
    }

    @Test
    void aSealedJobInterruptedBetweenRegistrationAndSealReusesTheDocumentAndSealsItOnce() throws Exception {
        try (TestPki pki = new TestPki()) {
            enrolSealKey(pki);
            UUID job = JobSamples.submit(school, Map.of("templateId", "PP2", "seal", true, "level", "B-B",
                    "ownerRefField", "studentId", "records", List.of(JobSamples.pp2(1), JobSamples.pp2(2), JobSamples.pp2(3))));
            List<Claimed> dying = store.claim(job, 3);
            JobContext ctx = store.context(job);
            processor.process(job, dying.subList(0, 1));
            // Item 2: registered (committed with its document id on the item), then the worker dies before sealing.
            UUID registered = processor.renderAndRegister(ctx, dying.get(1));
            assertThat(registered).isNotNull();
            // Item 3: the worker dies while rendering it.
            expireLeases(job);

            assertThat(workers.recover()).isEqualTo(2);
            workers.resume();
            JsonPath p = JobSamples.awaitSettled(school, job);
            assertThat(p.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(p.getInt("done")).isEqualTo(3);

            List<Map<String, Object>> items = JobSamples.items(school, job, null);
            assertThat(items.get(1).get("documentId")).isEqualTo(registered.toString());
            assertThat(documentsOf(job)).isEqualTo(3);
            Tenant auditor = admin.withRoles("AUDITOR");
            for (Map<String, Object> item : items) {
                auditor.as().get("/api/v1/documents/{id}", item.get("documentId")).then().statusCode(200)
                        .body("status", equalTo("SEALED"))
                        .body("versions.kind", equalTo(List.of("RENDERED", "SEALED")));
            }
        }
    }

    @Test
    void cancellingStopsTheRemainingItems() {
        List<Map<String, Object>> records = List.of(JobSamples.pp2(1), JobSamples.pp2(2), JobSamples.pp2(3),
                JobSamples.pp2(4), JobSamples.pp2(5), JobSamples.pp2(6), JobSamples.pp2(7), JobSamples.pp2(8));
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP2", "records", records));
        List<Claimed> claimed = store.claim(job, 2);

        school.as().post("/api/v1/jobs/{id}/cancel", job).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelled", equalTo(6));
        // Item 1 was already being rendered and may finish; item 2 was claimed but not started, so it is cancelled.
        processor.processOne(store.context(job), claimed.get(0));
        processor.process(job, List.of(claimed.get(1)));
        workers.resume();

        JsonPath p = school.as().get("/api/v1/jobs/{id}", job).then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("status")).isEqualTo("CANCELLED");
        assertThat(p.getInt("done")).isEqualTo(1);
        assertThat(p.getInt("cancelled")).isEqualTo(7);
        assertThat(p.getInt("remaining")).isZero();
        assertThat(JobSamples.items(school, job, "CANCELLED")).hasSize(7);
        assertThat(documentsOf(job)).isEqualTo(1);
        // Cancelling again answers the job unchanged.
        school.as().post("/api/v1/jobs/{id}/cancel", job).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aJobStopsTakingItemsOnceItsSubmittersKeyIsRevokedAndEndsSayingWhy() {
        Tenant submitter = admin.withRoles("REGISTRAR");
        UUID job = JobSamples.submit(submitter, Map.of("templateId", "PP2", "records", JobSamples.pp2s(12)));
        processor.process(job, store.claim(job, 4));

        String prefix = submitter.key().substring(0, 11);
        String keyId = admin.as().queryParam("limit", 200).get("/api/v1/organizations/{org}/api-keys", admin.orgId())
                .then().statusCode(200).extract().path("items.find { it.prefix == '" + prefix + "' }.id");
        admin.as().delete("/api/v1/organizations/{org}/api-keys/{id}", admin.orgId(), keyId).then().statusCode(200);
        workers.resume();

        JsonPath p = JobSamples.awaitSettled(admin, job);
        assertThat(p.getString("status")).isEqualTo("SUBMITTER_REVOKED");
        assertThat(p.getInt("done")).isEqualTo(4);
        assertThat(p.getInt("cancelled")).isEqualTo(8);
        assertThat(p.getInt("remaining")).isZero();
        assertThat(documentsOf(job)).isEqualTo(4);
        List<Map<String, Object>> stopped = JobSamples.items(admin, job, "CANCELLED");
        assertThat(stopped).hasSize(8).allSatisfy(i -> {
            assertThat(i.get("errorCode")).isEqualTo("submitter-revoked");
            assertThat((String) i.get("errorMessage")).isEqualTo("the API key " + prefix + " that submitted the job was revoked");
        });
        assertThat(Sql.count(ds, "select count(*) from audit_event where target_id = ? and action = 'job.completed' "
                + "and details like '%SUBMITTER_REVOKED%'", job.toString())).isEqualTo(1);
    }

    @Test
    void aFinishedJobCannotBeCancelled() {
        workers.resume();
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP2", "records", List.of(JobSamples.pp2(1))));
        assertThat(JobSamples.awaitSettled(school, job).getString("status")).isEqualTo("SUCCEEDED");
        school.as().post("/api/v1/jobs/{id}/cancel", job).then().statusCode(409)
                .body("type", equalTo("https://longnam.io/problems/job-finished"));
    }

    private void expireLeases(UUID job) {
        Sql.update(ds, "update job_item set locked_until = now() - interval '1 second' where job_id = ? and status = 'RUNNING'", job);
    }

    private long documentsOf(UUID job) {
        return Sql.count(ds, "select count(*) from document where external_ref like ?", "job:" + job + ":%");
    }

    private void enrolSealKey(TestPki pki) {
        Map<String, Object> key = admin.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "bulk seal", "algorithm", "RSA_2048", "provider", "software",
                        "subject", "CN=โรงเรียนกู้คืน,O=Longnam Test School,C=TH"))
                .post("/api/v1/organizations/{org}/signing-keys", admin.orgId()).then().statusCode(201).extract().path("");
        X509Certificate cert = pki.issueSeal((String) key.get("csr"));
        admin.as().contentType(ContentType.JSON).body(Map.of("certificateChain", pki.chainPem(cert)))
                .put("/api/v1/organizations/{org}/signing-keys/{id}/certificate", admin.orgId(), key.get("id"))
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
