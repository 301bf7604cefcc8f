package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a client reads when its input is wrong: the field, what was expected there, and nothing of our insides. */
@QuarkusTest
class BadInputAnswersTest {

    private static io.restassured.response.ValidatableResponse createKey(Tenant t, String json) {
        return t.as().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organizations/{o}/api-keys", t.orgId()).then()
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body(not(containsString("io.longnam")), not(containsString("java.")));
    }

    @Test
    void wrongJsonTypesNameTheFieldAndTheExpectedKind() {
        Tenant t = Api.school("json types");
        createKey(t, "{\"name\": \"k\", \"roles\": [\"AUDITOR\"], \"expiresAt\": true}").statusCode(400)
                .body("errors.field", hasItem("expiresAt"))
                .body("errors.message", hasItem("expiresAt must be an ISO-8601 instant like 2026-01-31T00:00:00Z"));
        createKey(t, "{\"name\": \"k\", \"roles\": [\"NOBODY\"]}").statusCode(400)
                .body("errors.field", hasItem("roles[0]"))
                .body("errors.message", hasItem("roles[0] must be one of [AUDITOR, REGISTRAR, SIGNER, ORG_ADMIN, PLATFORM_ADMIN, STUDENT]"));
        createKey(t, "{\"name\": \"k\", \"roles\": \"AUDITOR\"}").statusCode(400)
                .body("errors.message", hasItem("roles must be a list"));
        createKey(t, "[]").statusCode(400).body("errors.message", hasItem("the body must be an object"));
    }

    @Test
    void nullInsideAListIsAFieldErrorNotAServerError() {
        createKey(Api.school("null role"), "{\"name\": \"k\", \"roles\": [null]}").statusCode(400)
                .body("errors.field", hasItem("roles[0]")).body("errors.message", hasItem("roles[0] must not be null"));
    }

    @Test
    void malformedJsonSaysWhere() {
        createKey(Api.school("malformed"), "{\"name\": \"k\",\n \"roles\": [}").statusCode(400)
                .body("detail", allOf(startsWith("the body is not well-formed JSON (line 2"), containsString("column")));
    }

    @Test
    void integerOverflowNamesTheFieldAndTheRange() {
        Tenant t = Api.school("overflow");
        t.as().contentType(ContentType.JSON).body("{\"defaultRetentionDays\": 99999999999999999999}")
                .patch("/api/v1/organizations/{id}/settings", t.orgId()).then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("errors.field", hasItem("defaultRetentionDays"))
                .body("errors.message", hasItem("defaultRetentionDays must be a whole number from -2147483648 to 2147483647"));
    }

    @Test
    void nulInJsonTextIsRefusedWithTheField() {
        createKey(Api.school("nul"), "{\"name\": \"a\\u0000b\", \"roles\": [\"AUDITOR\"]}").statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.message", hasItem("name must not contain the NUL character (U+0000)"));
    }

    @Test
    void nulInAQueryParameterIsRefusedWithTheParameter() {
        Api.school("nul query").as().queryParam("ownerRef", "a\u0000b").get("/api/v1/documents").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("errors.field", hasItem("ownerRef"));
    }

    @Test
    void nulInAPartOfAMultipartFormIsRefusedWithThePart() {
        Api.school("nul part").as().multiPart("file", "t.docx", new byte[] {'P', 'K', 3, 4}, "application/octet-stream")
                .multiPart("name", "a\u0000b").post("/api/v1/templates").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("errors.field", hasItem("name"));
    }

    @Test
    void bidiControlsAreStrippedAndThaiPassesUntouched() {
        Tenant t = Api.school("bidi");
        // Thai with its combining marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) in the middle of the override.
        String thai = "โรงเรียนสาธิตฯ ปีการศึกษา ๒๕๖๘ ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎";
        t.as().contentType(ContentType.JSON)
                .body(("{\"name\": \"\u202E" + thai + "\u2066x\u2069\u202C\", \"roles\": [\"AUDITOR\"]}").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organizations/{o}/api-keys", t.orgId()).then().statusCode(201)
                .body("name", equalTo(thai + "x"));
        // By hand: rest-assured would send the filename in ISO-8859-1, turning Thai into question marks.
        byte[] pdf = TestPdfs.onePage("bidi");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\u202E" + thai + "\u202Cfdp.exe.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        t.as().contentType("multipart/form-data; boundary=b").body(body.toByteArray()).post("/api/v1/documents").then()
                .statusCode(201).body("filename", equalTo(thai + "fdp.exe.pdf"));
    }

    @Test
    void aLineBreakInAMultipartFilenameIsABadRequest() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        Api.school("crlf").as().contentType("multipart/form-data; boundary=b").body(body).post("/api/v1/documents").then()
                .statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE)).body("errors.field", hasItem("body"));
    }

    @Test
    void engineFailuresAnswerPlainWordsAndAnIncidentToQuote() throws Exception {
        Api.school("docx").as().multiPart("name", "broken").multiPart("file", "t.docx", truncatedZip(), "application/octet-stream")
                .post("/api/v1/templates").then().statusCode(422).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("detail", allOf(startsWith("docx file is not a readable zip package"), not(containsString("Exception"))))
                .body("incident", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    /** A docx cut off in the middle of its main part, so the zip reader itself fails. */
    private static byte[] truncatedZip() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] noise = new byte[64 * 1024];
            new java.util.Random(7).nextBytes(noise);
            zip.write(noise);
            zip.closeEntry();
        }
        return java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);
    }

    @Test
    void aLimitThatIsNotANumberIsABadRequestNamingIt() {
        io.longnam.support.Api.school("โรงเรียนจำกัด").as().queryParam("limit", "abc").get("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
    }
}
