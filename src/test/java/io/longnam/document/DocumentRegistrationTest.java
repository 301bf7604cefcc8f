package io.longnam.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.common.Hashes;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentRegistrationTest {

    Tenant school;

    @BeforeEach
    void setUp() {
        school = Api.school("โรงเรียนทดสอบ");
    }

    @Test
    void registersPdfWithMetadataAndAnswers201WithLocation() {
        byte[] pdf = TestPdfs.onePage("transcript");
        String id = Api.upload(school, pdf, """
                        {"title":"ปพ.1 เด็กหญิงใจดี","documentType":"PP1","ownerRef":"S-0001","externalRef":"SGS-9",
                         "labels":["2569","m6"],"expiresAt":"2099-01-01T00:00:00Z"}""")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/documents/"))
                .contentType("application/json")
                .body("sha256", equalTo(Hashes.sha256Hex(pdf)))
                .body("status", equalTo("REGISTERED"))
                .body("documentType", equalTo("PP1"))
                .body("inputFormat", equalTo("PDF"))
                .body("importChannel", equalTo("API"))
                .body("labels", hasItem("m6"))
                .body("versions[0].kind", equalTo("ORIGINAL"))
                .extract().path("id");

        byte[] stored = school.as().get("/api/v1/documents/{id}/file", id).then().statusCode(200)
                .header("ETag", "\"" + Hashes.sha256Hex(pdf) + "\"")
                .header("Content-Disposition", startsWith("attachment;"))
                .extract().asByteArray();
        assertThat(stored).isEqualTo(pdf);
    }

    @Test
    void answersNotModifiedWhenETagMatches() {
        byte[] pdf = TestPdfs.onePage("etag");
        String id = Api.upload(school, pdf, null).then().statusCode(201).extract().path("id");
        school.as().header("If-None-Match", "\"" + Hashes.sha256Hex(pdf) + "\"")
                .get("/api/v1/documents/{id}/file", id).then().statusCode(304);
    }

    @Test
    void rejectsTruncatedPdfWith422() {
        assertRejected(TestPdfs.truncated(), 422, "corrupt-pdf");
    }

    @Test
    void rejectsEncryptedPdfWith422() {
        assertRejected(TestPdfs.encrypted("secret"), 422, "encrypted-pdf");
    }

    @Test
    void rejectsPngRenamedAsPdfWith415() {
        assertRejected(TestPdfs.png(), 415, "unsupported-media-type");
    }

    @Test
    void rejectsEmptyFileWith422() {
        assertRejected(new byte[0], 422, "empty-file");
    }

    @Test
    void rejectsUploadAboveTheConfiguredLimitWith413() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        assertRejected(big, 413, "payload-too-large");
    }

    @Test
    void keepsOnlyTheLastSegmentOfAClientFilename() {
        String id = school.as().multiPart("file", "../../etc/ปพ1\\..\\passwd.pdf", TestPdfs.onePage("x"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201).body("filename", equalTo("passwd.pdf"))
                .extract().path("id");
        school.as().get("/api/v1/documents/{id}/file", id).then().statusCode(200)
                .header("Content-Disposition", containsString("filename=\"passwd.pdf\""));
    }

    @Test
    void rejectsBadMetadataWithFieldErrors() {
        Api.upload(school, TestPdfs.onePage("x"), "{\"labels\":[\"has space\"],\"title\":\"ok\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("labels")));
        Api.upload(school, TestPdfs.onePage("x"), "{\"documentType\":\"NOPE\"}")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(count()).isZero();
    }

    @Test
    void rejectsRequestWithoutFilePart() {
        school.as().multiPart("metadata", "{}", "application/json").post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requiresAnApiKey() {
        RestAssured.given().multiPart("file", "a.pdf", TestPdfs.onePage("x"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().header("Authorization", "Bearer ln_aaaaaaaa_notarealkeynotarealkeynotarealkeynotare")
                .get("/api/v1/documents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void auditorMayReadButNotRegister() {
        Tenant auditor = school.withRoles("AUDITOR");
        Api.upload(auditor, TestPdfs.onePage("x"), null).then().statusCode(403).contentType("application/problem+json");
        auditor.as().get("/api/v1/documents").then().statusCode(200);
    }

    @Test
    void recordsPdfCarryingXmlAsPdfXmlInput() throws Exception {
        byte[] pdf = TestPdfs.withAttachment("transcript with data", "transcript.xml", "<t>ข้อมูล</t>".getBytes("UTF-8"));
        Api.upload(school, pdf, null).then().statusCode(201).body("inputFormat", equalTo("PDF_XML"));
    }

    @Test
    void neverRevealsInternalsOnUnknownRoutes() {
        school.as().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private void assertRejected(byte[] body, int status, String slug) {
        Api.upload(school, body, null).then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://longnam.io/problems/" + slug))
                .body("status", equalTo(status))
                .body("detail", org.hamcrest.Matchers.notNullValue());
        assertThat(count()).as("nothing registered").isZero();
    }

    private int count() {
        return school.as().get("/api/v1/documents").then().statusCode(200).extract().path("items.size()");
    }
}
