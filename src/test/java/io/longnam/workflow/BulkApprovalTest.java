package io.longnam.workflow;

import static io.longnam.workflow.Chains.box;
import static io.longnam.workflow.Chains.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.job.JobProcessor;
import io.longnam.job.JobStore;
import io.longnam.job.JobStore.Claimed;
import io.longnam.job.JobWorkers;
import io.longnam.support.Keys;
import io.longnam.support.Sql;
import io.longnam.support.TestPdfs;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.longnam.workflow.Chains.School;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk approval (TOR 2.5.7) as a job: a signer approves 200 documents in one request, and a worker dying mid-way
 * (the test plays it, as in JobRecoveryTest) leaves a job that resumes without signing anything twice.
 */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class BulkApprovalTest {

    SigningFixture signing;
    @Inject
    DataSource ds;
    @Inject
    JobWorkers workers;
    @Inject
    JobStore store;
    @Inject
    JobProcessor processor;
    @Inject
    BulkApprovals bulk;

    @AfterEach
    void resume() {
        workers.resume();
    }

    @Test
    void bulkApprovalOf200DocumentsInterruptedByACrashSignsEachExactlyOnce() {
        School s = Chains.school("โรงเรียนอนุมัติรวด", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        List<String> docs = new ArrayList<>();
        byte[] pdf = TestPdfs.onePage("certificate");
        for (int i = 0; i < 200; i++) {
            docs.add(Chains.register(s.creator(), pdf, "PP2").toString());
        }
        List<String> workflows = s.creator().as().contentType(ContentType.JSON).body(Map.of("documentIds", docs, "steps", List.of(
                        step("ANY", box(1, 50, 100), s.signerIds().get(0)), step("ANY", box(1, 300, 100), s.signerIds().get(1)))))
                .post("/api/v1/workflow-batches").then().statusCode(201).extract().path("workflows.id");
        assertThat(workflows).hasSize(200);

        workers.pause();
        JsonPath job = s.signer(0).as().contentType(ContentType.JSON).body(Map.of("documentType", "PP2", "comment", "อนุมัติทั้งชุด"))
                .post("/api/v1/workflows/approvals").then().statusCode(202).extract().jsonPath();
        UUID jobId = UUID.fromString(job.getString("id"));
        assertThat(job.getInt("total")).isEqualTo(200);

        // A worker takes 10 items, finishes 4, records the 5th approval and dies before settling it, holding the rest.
        List<Claimed> dying = store.claim(jobId, 10);
        processor.process(jobId, dying.subList(0, 4));
        bulk.approve(store.context(jobId).caller(), dying.get(4).input());
        Sql.update(ds, "update job_item set locked_until = now() - interval '1 second' where job_id = ? and status = 'RUNNING'", jobId);
        assertThat(workers.recover()).isEqualTo(6);
        workers.resume();

        assertThat(settled(s, jobId.toString(), Duration.ofMinutes(5))).isEqualTo("SUCCEEDED");
        JsonPath done = s.signer(0).as().get("/api/v1/jobs/{id}", jobId).then().extract().jsonPath();
        assertThat(done.getInt("done")).isEqualTo(200);
        assertThat(Sql.count(ds, "select count(*) from workflow_event e join workflow w on w.id = e.workflow_id "
                + "where e.action = 'APPROVED' and w.organization_id = ?", s.admin().orgId())).isEqualTo(200);
        assertThat(Sql.count(ds, "select count(*) from document_version where kind = 'SIGNED' and organization_id = ?",
                s.admin().orgId())).isEqualTo(200);
        assertThat(Sql.count(ds, "select count(*) from workflow where current_step = 2 and organization_id = ?",
                s.admin().orgId())).isEqualTo(200);
        s.signer(1).as().queryParam("documentType", "PP2").queryParam("limit", 200).get("/api/v1/me/tasks").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(200));
    }

    @Test
    void workflowsNotWaitingOnTheSignerFailAsTheirOwnItems() {
        School s = Chains.school("โรงเรียนอนุมัติบางส่วน", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID mine = Chains.register(s.creator(), TestPdfs.onePage("mine"), null);
        UUID theirs = Chains.register(s.creator(), TestPdfs.onePage("theirs"), null);
        String a = Chains.created(s.creator(), mine, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        String b = Chains.created(s.creator(), theirs, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(1)),
                step("ANY", box(1, 300, 100), s.signerIds().get(0))));
        String jobId = s.signer(0).as().contentType(ContentType.JSON).body(Map.of("workflowIds", List.of(a, b, UUID.randomUUID())))
                .post("/api/v1/workflows/approvals").then().statusCode(202).extract().path("id");
        assertThat(settled(s, jobId, Duration.ofMinutes(1))).isEqualTo("PARTIALLY_FAILED");
        List<String> errors = s.signer(0).as().get("/api/v1/jobs/{id}/items", jobId).then().statusCode(200)
                .extract().path("items.errorCode");
        assertThat(errors).containsExactly(null, "not-waiting-on-you", "not-found");
    }

    private static String settled(School s, String jobId, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (true) {
            String status = s.signer(0).as().get("/api/v1/jobs/{id}", jobId).then().statusCode(200).extract().path("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING") || System.nanoTime() > end) {
                return status;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }
}
