package io.longnam.common;

import static org.hamcrest.Matchers.hasItems;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thai is ordinary input: vowels and tone marks are combining marks, and patterns that accept letters accept them. */
@QuarkusTest
class ThaiInputPatternsTest {

    @Test
    void thaiLabelsWithMarksAreAccepted() {
        Tenant school = Api.school("โรงเรียนป้ายไทย");
        school.as().multiPart("file", "doc.pdf", TestPdfs.onePage("labels"), "application/pdf")
                .multiPart("metadata", "metadata.json",
                        "{\"labels\":[\"ชั้นมัธยม\",\"ปีการศึกษา2569\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/json; charset=UTF-8")
                .post("/api/v1/documents").then().statusCode(201).body("labels", hasItems("ชั้นมัธยม", "ปีการศึกษา2569"));
        Api.upload(school, TestPdfs.onePage("bad label"), "{\"labels\":[\"no spaces allowed\"]}").then().statusCode(400);
    }

    @Test
    void aThaiSealKeyAliasIsAccepted() {
        Tenant school = Api.school("โรงเรียนตราไทย");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", "ตราโรงเรียน", "algorithm", "EC_P256", "provider", "software", "subject", "CN=ตราโรงเรียน"))
                .post("/api/v1/organizations/{id}/signing-keys", school.orgId()).then().statusCode(201);
    }
}
