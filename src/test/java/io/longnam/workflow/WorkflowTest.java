package io.longnam.workflow;

import static io.longnam.workflow.Chains.approve;
import static io.longnam.workflow.Chains.box;
import static io.longnam.workflow.Chains.created;
import static io.longnam.workflow.Chains.step;
import static io.longnam.workflow.Chains.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Keys;
import io.longnam.support.TestPdfs;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.longnam.workflow.Chains.School;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approval chain's life: steps in order, rejection and resubmission, templates, tasks and placements. */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class WorkflowTest {

    SigningFixture signing;

    @Test
    void rejectionReturnsTheDocumentToItsCreatorWhoResubmitsANewVersionAndTheChainCompletes() {
        School s = Chains.school("โรงเรียนส่งกลับ", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("draft 1"), null);
        String wf = created(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        approve(s.signer(0), wf).then().statusCode(200).body("currentStep", equalTo(2));

        s.signer(1).as().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/workflows/{id}/reject", wf)
                .then().statusCode(400);
        s.signer(1).as().contentType(ContentType.JSON).body(Map.of("reason", "ชื่อนักเรียนสะกดผิด"))
                .post("/api/v1/workflows/{id}/reject", wf).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("documentStatus", equalTo("REJECTED"));
        // Only the creator resubmits.
        s.signer(0).as().multiPart("file", "v2.pdf", TestPdfs.onePage("draft 2"), "application/pdf")
                .post("/api/v1/workflows/{id}/resubmission/file", wf).then().statusCode(403);
        s.creator().as().multiPart("file", "v2.pdf", TestPdfs.onePage("draft 2"), "application/pdf")
                .multiPart("comment", "แก้ชื่อแล้ว").post("/api/v1/workflows/{id}/resubmission/file", wf).then().statusCode(200)
                .body("round", equalTo(2)).body("currentStep", equalTo(1)).body("documentStatus", equalTo("PENDING_APPROVAL"));

        approve(s.signer(0), wf).then().statusCode(200);
        approve(s.signer(1), wf).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("documentStatus", equalTo("SIGNED"));

        JsonPath w = workflow(s.creator(), wf);
        assertThat(w.getList("history.action", String.class)).containsExactly("SUBMITTED", "STEP_STARTED", "COMMENTED",
                "APPROVED", "STEP_STARTED", "REJECTED", "RESUBMITTED", "STEP_STARTED", "COMMENTED", "APPROVED",
                "STEP_STARTED", "COMMENTED", "APPROVED", "COMPLETED");
        assertThat(w.getString("history[5].text")).isEqualTo("ชื่อนักเรียนสะกดผิด");
        assertThat(w.getList("history.findAll { it.action == 'APPROVED' }.signatureKind", String.class))
                .containsOnly("ORGANIZATION_ON_BEHALF");
        // The final file is draft 2 with the second round's two signatures only.
        JsonPath report = s.admin().as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("signatures")).hasSize(2);
        assertThat(s.admin().as().get("/api/v1/documents/{id}", doc).then().extract().jsonPath()
                .getList("versions.kind", String.class)).containsExactly("ORIGINAL", "SIGNED", "ORIGINAL", "SIGNED", "SIGNED");
    }

    @Test
    void aResubmissionWithoutAFileRestartsOnTheVersionTheChainStartedFrom() {
        School s = Chains.school("โรงเรียนเริ่มใหม่", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("original"), null);
        String wf = created(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        approve(s.signer(0), wf).then().statusCode(200);
        s.signer(1).as().contentType(ContentType.JSON).body(Map.of("reason", "ขอตรวจอีกครั้ง"))
                .post("/api/v1/workflows/{id}/reject", wf).then().statusCode(200);
        s.creator().as().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/workflows/{id}/resubmission", wf)
                .then().statusCode(200).body("round", equalTo(2));
        String v1 = s.admin().as().get("/api/v1/documents/{id}", doc).then().extract().path("versions[0].sha256");
        String v3 = s.admin().as().get("/api/v1/documents/{id}", doc).then().extract().path("versions[2].sha256");
        assertThat(v3).isEqualTo(v1);
    }

    @Test
    void stepsNameTheirSignersByRoleOrGroupResolvedWhenTheStepStarts() {
        School s = Chains.school("โรงเรียนตามบทบาท", 3);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        String group = s.admin().as().contentType(ContentType.JSON).body(Map.of("name", "ฝ่ายวิชาการ", "roles", List.of()))
                .post("/api/v1/organizations/{o}/groups", s.admin().orgId()).then().statusCode(201).extract().path("id");
        s.admin().as().put("/api/v1/organizations/{o}/groups/{g}/members/{u}", s.admin().orgId(), group, s.signerIds().get(2))
                .then().statusCode(200);
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("by role"), null);
        String wf = s.creator().as().contentType(ContentType.JSON).body(Map.of("documentId", doc.toString(), "steps", List.of(
                        Map.of("groupId", group, "mode", "ANY", "placement", box(1, 50, 100)),
                        Map.of("role", "SIGNER", "mode", "ALL", "placement", box(1, 300, 100)))))
                .post("/api/v1/workflows").then().statusCode(201)
                .body("steps[0].signers.userId", equalTo(List.of(s.signerIds().get(2))))
                .body("steps[1].signers", equalTo(List.of())).extract().path("id");
        approve(s.signer(2), wf).then().statusCode(200);
        JsonPath w = workflow(s.signer(2), wf);
        assertThat(w.getList("steps[1].signers.userId", String.class)).containsExactlyInAnyOrderElementsOf(s.signerIds());
        s.signer(0).as().get("/api/v1/me/tasks").then().statusCode(200).body("items.workflowId", equalTo(List.of(wf)));
        approve(s.signer(0), wf).then().statusCode(200).body("currentStep", equalTo(2));
        approve(s.signer(1), wf).then().statusCode(200);
        approve(s.signer(2), wf).then().statusCode(200).body("status", equalTo("COMPLETED"));
        s.signer(0).as().get("/api/v1/me/tasks").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void placementsMustFitTheDocumentAndAnchorsExistOnlyOnBuiltInForms() {
        School s = Chains.school("โรงเรียนตำแหน่ง", 2);
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("one page"), null);
        Chains.create(s.creator(), doc, false, List.of(step("ANY", box(2, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 50, 100), s.signerIds().get(1)))).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/page-out-of-range"));
        Chains.create(s.creator(), doc, false, List.of(step("ANY", Map.of("anchor", "principal"), s.signerIds().get(0)),
                step("ANY", box(1, 50, 100), s.signerIds().get(1)))).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/unknown-anchor"));
        Chains.create(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)))).then()
                .statusCode(400);
        // Nothing was started by the refusals.
        s.admin().as().get("/api/v1/documents/{id}", doc).then().body("status", equalTo("REGISTERED"));

        String rendered = s.admin().as().contentType(ContentType.JSON).body(Map.of("templateId", "PP2",
                        "data", io.longnam.render.Samples.pp2()))
                .post("/api/v1/renders").then().statusCode(201).extract().path("id");
        s.admin().as().contentType(ContentType.JSON).body(Map.of("documentId", rendered, "steps", List.of(
                        step("ANY", Map.of("anchor", "principal"), s.signerIds().get(0)),
                        step("ANY", box(1, 50, 700), s.signerIds().get(1)))))
                .post("/api/v1/workflows").then().statusCode(201)
                .body("steps[0].placement.anchor", equalTo("principal")).body("steps[0].placement.page", equalTo(1));
    }

    @Test
    void templatesCarryAChainForOneDocumentTypeAndRetiredOnesStartNothing() {
        School s = Chains.school("โรงเรียนแม่แบบ", 2);
        Map<String, Object> template = Map.of("name", "ใบประกาศ ผอ.", "documentType", "PP2", "sealAtEnd", false, "steps", List.of(
                step("ANY", box(1, 50, 100), s.signerIds().get(0)), step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        String t = s.admin().as().contentType(ContentType.JSON).body(template)
                .post("/api/v1/organizations/{o}/workflow-templates", s.admin().orgId()).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/workflow-templates/")).extract().path("id");
        UUID letter = Chains.register(s.creator(), TestPdfs.onePage("letter"), "LETTER");
        s.creator().as().contentType(ContentType.JSON).body(Map.of("documentId", letter.toString(), "templateId", t))
                .post("/api/v1/workflows").then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/template-type-mismatch"));
        UUID first = Chains.register(s.creator(), TestPdfs.onePage("cert 1"), "PP2");
        UUID second = Chains.register(s.creator(), TestPdfs.onePage("cert 2"), "PP2");
        s.creator().as().contentType(ContentType.JSON).body(Map.of("documentIds", List.of(first, second), "templateId", t))
                .post("/api/v1/workflow-batches").then().statusCode(201).body("workflows.templateId", equalTo(List.of(t, t)));
        s.admin().as().delete("/api/v1/organizations/{o}/workflow-templates/{t}", s.admin().orgId(), t).then().statusCode(204);
        UUID third = Chains.register(s.creator(), TestPdfs.onePage("cert 3"), "PP2");
        s.creator().as().contentType(ContentType.JSON).body(Map.of("documentId", third.toString(), "templateId", t))
                .post("/api/v1/workflows").then().statusCode(409);
    }

    @Test
    void aBatchOfMixedDocumentTypesStartsNothing() {
        School s = Chains.school("โรงเรียนชุด", 2);
        UUID pp2 = Chains.register(s.creator(), TestPdfs.onePage("cert"), "PP2");
        UUID letter = Chains.register(s.creator(), TestPdfs.onePage("letter"), "LETTER");
        s.creator().as().contentType(ContentType.JSON).body(Map.of("documentIds", List.of(pp2, letter), "steps", List.of(
                        step("ANY", box(1, 50, 100), s.signerIds().get(0)), step("ANY", box(1, 300, 100), s.signerIds().get(1)))))
                .post("/api/v1/workflow-batches").then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/mixed-document-types"));
        s.admin().as().get("/api/v1/documents/{id}", pp2).then().body("status", equalTo("REGISTERED"));
    }
}
