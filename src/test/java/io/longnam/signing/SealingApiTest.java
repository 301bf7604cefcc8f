package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.longnam.common.Hashes;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.TestPdfs;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
class SealingApiTest {

    SigningFixture signing;
    Tenant school;

    @BeforeEach
    void setUp() {
        school = Api.school("โรงเรียนตราประทับ");
    }

    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource({
            "software, RSA_2048, B-B",
            "software, EC_P256, B-T",
            "pkcs11, RSA_2048, B-T",
            "pkcs11, EC_P256, B-B"})
    void sealsWithEnrolledKeyAndIndependentValidatorsAccept(String provider, String algorithm, String level) throws Exception {
        Keys.enrol(school, signing.pki(), provider, algorithm);
        timestamping(!level.equals("B-B"));
        byte[] original = TestPdfs.onePage("transcript " + provider);
        UUID doc = UUID.fromString(Api.upload(school, original, null).then().statusCode(201).extract().path("id"));

        school.as().contentType(ContentType.JSON).body(Map.of("level", level, "reason", "รับรองเอกสาร", "location", "เชียงใหม่"))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200)
                .body("status", equalTo("SEALED")).body("versions", hasSize(2))
                .body("versions[1].kind", equalTo("SEALED"));

        byte[] sealed = school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(200).extract().asByteArray();
        assertThat(pdfsig(sealed)).contains("Signature is Valid").contains("Certificate is Trusted")
                .contains("ETSI.CAdES.detached");

        JsonPath report = school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("valid")).isTrue();
        assertThat(report.getString("signatures[0].indication")).isEqualTo("TOTAL_PASSED");
        assertThat(report.getString("signatures[0].level")).isEqualTo(level);
        assertThat(report.getBoolean("signatures[0].trusted")).isTrue();
        assertThat(report.getBoolean("signatures[0].intact")).isTrue();
        if (!level.equals("B-B")) {
            assertThat(report.getBoolean("signatures[0].timestamp.valid")).isTrue();
        }
        byte[] v1 = school.as().queryParam("version", 1).get("/api/v1/documents/{id}/file", doc).then().extract().asByteArray();
        assertThat(v1).as("original stays retrievable").isEqualTo(original);
    }

    @Test
    void timestampSwitchedOffMeansBBAndRefusesBT() {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = Api.register(school, "no timestamp");
        school.as().contentType(ContentType.JSON).body(Map.of("level", "B-T"))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/timestamping-disabled"));
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        school.as().get("/api/v1/documents/{id}/verification", doc).then()
                .body("signatures[0].level", equalTo("B-B"));
    }

    @Test
    void organisationDefaultLevelAppliesWhenTimestampingIsOn() {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        school.as().contentType(ContentType.JSON).body(Map.of("timestampEnabled", true, "defaultSignatureLevel", "B-LT"))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200);
        UUID doc = Api.register(school, "long term");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        school.as().get("/api/v1/documents/{id}/verification", doc).then()
                .body("valid", equalTo(true)).body("signatures[0].level", equalTo("B-LT"));
    }

    @Test
    void tsaOutageIsA503AndTheDocumentKeepsItsVersion() {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        timestamping(true);
        UUID doc = Api.register(school, "tsa down");
        signing.tsa().failing(true);
        try {
            school.as().contentType(ContentType.JSON).body(Map.of("level", "B-T"))
                    .post("/api/v1/documents/{id}/seal", doc).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://longnam.io/problems/tsa-unavailable"))
                    .body("retryable", equalTo(true));
        } finally {
            signing.tsa().failing(false);
        }
        school.as().get("/api/v1/documents/{id}", doc).then()
                .body("status", equalTo("REGISTERED")).body("versions", hasSize(1));
    }

    @Test
    void secondSealAddsASignatureWithoutBreakingTheFirst() {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        String second = Keys.enrol(school, signing.pki(), "pkcs11", "EC_P256");
        UUID doc = Api.register(school, "twice");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        school.as().contentType(ContentType.JSON).body(Map.of("keyId", second))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200).body("versions", hasSize(3));
        school.as().get("/api/v1/documents/{id}/verification", doc).then()
                .body("valid", equalTo(true)).body("signatures", hasSize(2))
                .body("signatures.indication", org.hamcrest.Matchers.everyItem(equalTo("TOTAL_PASSED")));
    }

    @Test
    void visibleSealWithThaiTextVerifies() throws Exception {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = Api.register(school, "visible");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("visible", Map.of("page", 1, "x", 340, "y", 620, "width", 220, "height", 70,
                        "text", "ประทับตราอิเล็กทรอนิกส์ โรงเรียนบ้านหนองใหญ่")))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        school.as().get("/api/v1/documents/{id}/verification", doc).then().body("valid", equalTo(true));
        school.as().contentType(ContentType.JSON)
                .body(Map.of("visible", Map.of("page", 9, "x", 10, "y", 10, "width", 100, "height", 40, "text", "x")))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(400)
                .body("errors[0].field", equalTo("visible.page"));
    }

    @Test
    void visibleSealWithOnlyTextGetsTheDefaultBox() throws Exception {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = Api.register(school, "visible default");
        school.as().contentType(ContentType.JSON).body(Map.of("visible", Map.of("text", "ตราโรงเรียน")))
                .post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        byte[] sealed = school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(200).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(sealed)) {
            org.apache.pdfbox.pdmodel.common.PDRectangle box =
                    pdf.getDocumentCatalog().getAcroForm().getFields().getFirst().getWidgets().getFirst().getRectangle();
            assertThat(box.getWidth()).isEqualTo(200f);
            assertThat(box.getHeight()).isEqualTo(60f);
        }
        assertThat(pdfsig(sealed)).contains("Signature is Valid").contains("Certificate is Trusted");
        school.as().get("/api/v1/documents/{id}/verification", doc).then().body("valid", equalTo(true));
    }

    @Test
    void anyoneCanVerifyAnUploadAndTamperingIsDetected() {
        Keys.enrol(school, signing.pki(), "software", "RSA_2048");
        UUID doc = Api.register(school, "public check");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        byte[] sealed = school.as().get("/api/v1/documents/{id}/file", doc).then().extract().asByteArray();

        io.restassured.RestAssured.given().multiPart("file", "s.pdf", sealed, "application/pdf")
                .post("/api/v1/verifications").then().statusCode(200).body("valid", equalTo(true))
                .body("signatures[0].signer", org.hamcrest.Matchers.containsString("ตราประทับ"));

        // One byte inside the first signed range that keeps the file parseable: the header's version digit.
        byte[] tampered = sealed.clone();
        assertThat(new String(tampered, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.");
        tampered[7] = (byte) (tampered[7] == '7' ? '6' : '7');
        io.restassured.RestAssured.given().multiPart("file", "s.pdf", tampered, "application/pdf")
                .post("/api/v1/verifications").then().statusCode(200).body("valid", equalTo(false));

        io.restassured.RestAssured.given().multiPart("file", "u.pdf", TestPdfs.onePage("unsigned"), "application/pdf")
                .post("/api/v1/verifications").then().statusCode(200).body("valid", equalTo(false))
                .body("signatures", hasSize(0));
        io.restassured.RestAssured.given().multiPart("file", "p.png", TestPdfs.png(), "image/png")
                .post("/api/v1/verifications").then().statusCode(415);
    }

    @Test
    void sealNeedsAnActiveKey() {
        UUID doc = Api.register(school, "no key");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(409)
                .body("type", equalTo("https://longnam.io/problems/no-default-key"));
        school.withRoles("AUDITOR").as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(403);
    }

    private void timestamping(boolean on) {
        school.as().contentType(ContentType.JSON).body(Map.of("timestampEnabled", on))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200);
    }

    private String pdfsig(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pdfsig");
        Path nss = PdfTools.nssDbTrusting(dir.resolve("nss"), signing.pki().root());
        Path file = dir.resolve("sealed-" + Hashes.sha256Hex(pdf).substring(0, 8) + ".pdf");
        Files.write(file, pdf);
        return PdfTools.pdfsig(nss, file);
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
