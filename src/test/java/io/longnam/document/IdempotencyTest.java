package io.longnam.document;

import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Test
    void sameKeyAndSameRequestAnswersTheSameDocument() {
        Tenant school = Api.school("idem");
        byte[] pdf = TestPdfs.onePage("once");
        String first = school.as().header("Idempotency-Key", "batch-7/row-1")
                .multiPart("file", "a.pdf", pdf, "application/pdf").post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        school.as().header("Idempotency-Key", "batch-7/row-1")
                .multiPart("file", "a.pdf", pdf, "application/pdf").post("/api/v1/documents")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        school.as().get("/api/v1/documents").then().body("items.size()", equalTo(1));
    }

    @Test
    void sameKeyWithDifferentBodyIsAConflict() {
        Tenant school = Api.school("idem2");
        school.as().header("Idempotency-Key", "k1").multiPart("file", "a.pdf", TestPdfs.onePage("one"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201);
        school.as().header("Idempotency-Key", "k1").multiPart("file", "a.pdf", TestPdfs.onePage("two"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://longnam.io/problems/idempotency-key-reused"));
        school.as().get("/api/v1/documents").then().body("items.size()", equalTo(1));
    }

    @Test
    void keysAreScopedToTheOrganisation() {
        Tenant a = Api.school("idem-a");
        Tenant b = Api.school("idem-b");
        String idA = a.as().header("Idempotency-Key", "shared").multiPart("file", "a.pdf", TestPdfs.onePage("a"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        String idB = b.as().header("Idempotency-Key", "shared").multiPart("file", "a.pdf", TestPdfs.onePage("a"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(idB).isNotEqualTo(idA);
    }
}
