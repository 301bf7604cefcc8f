package io.longnam.document;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint answers 404 for another tenant's ids, with nothing of the other tenant in the body. */
@QuarkusTest
class CrossTenantAccessTest {

    Tenant owner;
    Tenant intruder;
    UUID doc;
    String linkId;
    String keyId;

    @BeforeEach
    void setUp() {
        owner = Api.school("เจ้าของ");
        intruder = Api.school("ผู้บุกรุก");
        doc = Api.register(owner, "private transcript");
        linkId = owner.as().contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/links", doc)
                .then().statusCode(201).extract().path("id");
        keyId = owner.as().get("/api/v1/organizations/{org}/api-keys", owner.orgId())
                .then().statusCode(200).extract().path("items[0].id");
    }

    @Test
    void documentEndpointsAnswer404() {
        assertHidden(r -> r.get("/api/v1/documents/{id}", doc));
        assertHidden(r -> r.get("/api/v1/documents/{id}/file", doc));
        assertHidden(r -> r.delete("/api/v1/documents/{id}", doc));
        assertHidden(r -> r.contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/links", doc));
        assertHidden(r -> r.get("/api/v1/documents/{id}/links", doc));
        assertHidden(r -> r.delete("/api/v1/documents/{id}/links/{l}", doc, linkId));
        assertHidden(r -> r.queryParam("organizationId", owner.orgId()).get("/api/v1/documents"));
        intruder.as().get("/api/v1/documents").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void organisationEndpointsAnswer404() {
        assertHidden(r -> r.get("/api/v1/organizations/{id}", owner.orgId()));
        assertHidden(r -> r.contentType(ContentType.JSON).body(Map.of("timestampEnabled", true))
                .patch("/api/v1/organizations/{id}/settings", owner.orgId()));
        assertHidden(r -> r.get("/api/v1/organizations/{id}/api-keys", owner.orgId()));
        assertHidden(r -> r.contentType(ContentType.JSON).body(Map.of("name", "x", "roles", new String[]{"AUDITOR"}))
                .post("/api/v1/organizations/{id}/api-keys", owner.orgId()));
        assertHidden(r -> r.delete("/api/v1/organizations/{id}/api-keys/{k}", owner.orgId(), keyId));
        assertHidden(r -> r.delete("/api/v1/organizations/{id}/api-keys/{k}", intruder.orgId(), keyId));
        assertHidden(r -> r.contentType(ContentType.JSON).body(Map.of("name", "child", "code", "c" + System.nanoTime(), "parentId", owner.orgId()))
                .post("/api/v1/organizations"));
        assertHidden(r -> r.contentType(ContentType.JSON).body(Map.of("createdFrom", "2000-01-01T00:00:00Z", "createdTo", "2100-01-01T00:00:00Z"))
                .post("/api/v1/organizations/{id}/document-purges", owner.orgId()));
        assertHidden(r -> r.get("/api/v1/organizations/{id}/audit/verification", owner.orgId()));
        owner.as().get("/api/v1/documents/{id}", doc).then().statusCode(200).body("status", equalTo("REGISTERED"));
    }

    private void assertHidden(Function<io.restassured.specification.RequestSpecification, Response> call) {
        call.apply(intruder.as()).then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("private transcript")));
    }
}
