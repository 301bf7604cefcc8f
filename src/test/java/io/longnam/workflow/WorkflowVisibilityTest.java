package io.longnam.workflow;

import static io.longnam.workflow.Chains.box;
import static io.longnam.workflow.Chains.created;
import static io.longnam.workflow.Chains.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.support.TestPdfs;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.workflow.Chains.School;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** TOR 2.5.8: a document in a chain is seen by its creator, the chain's users, auditors and administrators only. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class WorkflowVisibilityTest {

    @Test
    void outsidersOfTheOrganisationAndOtherTenantsGet404OnEveryDocumentAndWorkflowEndpoint() {
        School s = Chains.school("โรงเรียนลับเฉพาะ", 2);
        s.admin().as().contentType(ContentType.JSON).body(Map.of("name", "ครูผู้อ่านทุกอย่าง", "permissions", List.of(
                        "document.read", "document.file.read", "document.verify", "link.read", "link.manage",
                        "workflow.read", "workflow.manage", "workflow.approve")))
                .post("/api/v1/organizations/{o}/roles", s.admin().orgId()).then().statusCode(201);
        Person colleague = People.person("ครูห้องข้าง");
        People.activated(s.admin(), colleague, "ครูผู้อ่านทุกอย่าง");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("restricted"), null);
        UUID open = Chains.register(s.creator(), TestPdfs.onePage("not in a chain"), null);
        String wf = created(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));

        Tenant stranger = Api.school("โรงเรียนอื่น");
        Tenant sameSchoolKey = s.admin().withRoles("REGISTRAR", "SIGNER");
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Function<RequestSpecification, Response>> call : endpoints(doc, wf).entrySet()) {
            for (Map.Entry<String, RequestSpecification> who : Map.of("colleague", colleague.as(), "other tenant",
                    stranger.as(), "same school's key", sameSchoolKey.as()).entrySet()) {
                Response r = call.getValue().apply(who.getValue());
                if (r.statusCode() != 404 && r.statusCode() != 403) {
                    leaks.add(who.getKey() + " " + call.getKey() + " → " + r.statusCode());
                }
                if (who.getKey().equals("colleague") && r.statusCode() != 404) {
                    leaks.add("colleague (who holds every permission used) " + call.getKey() + " → " + r.statusCode());
                }
            }
        }
        assertThat(leaks).isEmpty();
        colleague.as().get("/api/v1/documents").then().statusCode(200)
                .body("items.id", not(hasItem(doc.toString()))).body("items.id", hasItem(open.toString()));

        // The chain's users, the creator, auditors and administrators see it.
        s.signer(1).as().get("/api/v1/workflows/{id}", wf).then().statusCode(200);
        s.signer(0).as().get("/api/v1/workflows/{id}/file", wf).then().statusCode(200);
        s.creator().as().get("/api/v1/workflows/{id}", wf).then().statusCode(200);
        s.admin().withRoles("AUDITOR").as().get("/api/v1/documents/{id}", doc).then().statusCode(200);
        s.admin().as().get("/api/v1/documents").then().body("items.id", hasItem(doc.toString()));
        s.signer(0).as().contentType(ContentType.JSON).body(Map.of("text", "ขอดูหน้า ๒ ด้วย"))
                .post("/api/v1/workflows/{id}/comments", wf).then().statusCode(201).body("action", equalTo("COMMENTED"));
    }

    private static Map<String, Function<RequestSpecification, Response>> endpoints(UUID doc, String wf) {
        Map<String, Function<RequestSpecification, Response>> m = new java.util.LinkedHashMap<>();
        m.put("GET document", r -> r.get("/api/v1/documents/{id}", doc));
        m.put("GET document file", r -> r.get("/api/v1/documents/{id}/file", doc));
        m.put("GET verification", r -> r.get("/api/v1/documents/{id}/verification", doc));
        m.put("GET links", r -> r.get("/api/v1/documents/{id}/links", doc));
        m.put("POST link", r -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/documents/{id}/links", doc));
        m.put("GET workflow", r -> r.get("/api/v1/workflows/{id}", wf));
        m.put("GET workflow file", r -> r.get("/api/v1/workflows/{id}/file", wf));
        m.put("POST comment", r -> r.contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/workflows/{id}/comments", wf));
        m.put("POST approve", r -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/workflows/{id}/approve", wf));
        m.put("POST reject", r -> r.contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/v1/workflows/{id}/reject", wf));
        m.put("POST resubmission", r -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/workflows/{id}/resubmission", wf));
        return m;
    }
}
