package io.longnam.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.SoftwareSealKey;
import io.longnam.support.Sql;
import io.longnam.support.TestPdfs;
import io.longnam.testpki.TestPki;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PDFs too costly to check, or not PDFs at all, are refused wherever they enter, and the /v page never fails. */
@QuarkusTest
class PdfLimitsApiTest {

    static TestPki pki;

    @Inject
    DataSource ds;

    @BeforeAll
    static void pki() {
        pki = new TestPki();
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    @Test
    void thePageTreeAttackIsRefusedAtRegistrationAndVerificationQuickly() {
        Tenant school = Api.school("โรงเรียนหน้าซ้ำ");
        byte[] attack = TestPdfs.pageNamedTimes(200_000);
        long start = System.nanoTime();
        Api.upload(school, attack, null).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/corrupt-pdf"));
        given().multiPart("file", "a.pdf", attack, "application/pdf").post("/api/v1/verifications").then()
                .statusCode(422).body("type", equalTo("https://longnam.io/problems/corrupt-pdf"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for both").isLessThan(5000);
    }

    @Test
    void aWellFormedPdfOverThePageLimitIsRefusedWithTheLimitAndWhatWasFound() {
        Tenant school = Api.school("โรงเรียนหน้ามาก");
        Api.upload(school, TestPdfs.blankPages(1001), null).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/pdf-too-complex"))
                .body("measure", equalTo("pages")).body("limit", equalTo(1000)).body("found", equalTo(1001));
    }

    @Test
    void polyglotsAreNotPdfs() {
        Tenant school = Api.school("โรงเรียนหลายหน้า");
        byte[] pdf = TestPdfs.onePage("polyglot");
        for (String prefix : new String[]{"<html><script>alert(document.domain)</script></html>\n", "GIF89a\u0001\u0000\u0001\u0000;"}) {
            Api.upload(school, TestPdfs.behind(prefix, pdf), null).then().statusCode(415);
            given().multiPart("file", "a.pdf", TestPdfs.behind(prefix, pdf), "application/pdf")
                    .post("/api/v1/verifications").then().statusCode(415);
        }
    }

    @Test
    void aStoredDocumentOverTheLimitsIsRefusedEverywhereAndThePageSaysItCannotBeChecked() {
        Tenant school = Api.school("โรงเรียนเอกสารเก่า");
        SoftwareSealKey.enrol(school, pki);
        UUID doc = Api.register(school, "before the limits");
        // As a document registered before the limits existed would be.
        replaceCurrentFile(doc, TestPdfs.pageNamedTimes(200_000));
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/corrupt-pdf"));
        school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(422);
        assertThat(PublicVerificationPageTest.page("/v/" + doc))
                .contains("ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์ของไฟล์นี้ไม่ได้", "The signature of this file cannot be checked");

        replaceCurrentFile(doc, TestPdfs.blankPages(1001));
        school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(422)
                .body("type", equalTo("https://longnam.io/problems/pdf-too-complex"));
    }

    @Test
    void aStoredPolyglotNeverMakesThePageFail() {
        Tenant school = Api.school("โรงเรียนไฟล์ปน");
        UUID doc = Api.register(school, "polyglot");
        replaceCurrentFile(doc, TestPdfs.behind("<html><script>alert(1)</script>", TestPdfs.onePage("polyglot")));
        assertThat(PublicVerificationPageTest.page("/v/" + doc)).contains("The signature of this file cannot be checked");
        school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(415);
    }

    @Test
    void aDocumentChangedAfterSealingIsShownAsChangedOrInvalid() {
        Tenant school = Api.school("โรงเรียนแก้ไข");
        SoftwareSealKey.enrol(school, pki);
        UUID doc = Api.register(school, "original text");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        byte[] changed = school.as().get("/api/v1/documents/{id}/file", doc).then().extract().asByteArray();
        // The header's version digit: signed (the byte range starts at 0), and the PDF still opens.
        assertThat(new String(changed, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.");
        changed[7] = (byte) (changed[7] == '4' ? '5' : '4');
        replaceCurrentFile(doc, changed);
        assertThat(PublicVerificationPageTest.page("/v/" + doc))
                .contains("ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง หรือเอกสารถูกแก้ไข", "Signature NOT valid, or the document was changed")
                .doesNotContain("Intact and issued");
    }

    @Test
    void anIntactSealWhoseCertificateStatusCannotBeFetchedIsToldApart() {
        Tenant school = Api.school("โรงเรียนสถานะไม่ทราบ");
        TestPki offline = new TestPki();
        SoftwareSealKey.enrol(school, offline);
        UUID doc = Api.register(school, "revocation unknown");
        school.as().post("/api/v1/documents/{id}/seal", doc).then().statusCode(200);
        // Its CRLs are no longer served: the B-B seal carries none, so the certificate's status is unknown.
        offline.close();
        assertThat(PublicVerificationPageTest.page("/v/" + doc))
                .contains("เอกสารไม่ถูกแก้ไขและออกโดยหน่วยงานนี้จริง แต่ยังตรวจสอบสถานะใบรับรองไม่ได้ในขณะนี้",
                        "Intact and issued by this organisation, but the status of its certificate could not be checked right now")
                .doesNotContain("Signature NOT valid");
    }

    private void replaceCurrentFile(UUID doc, byte[] data) {
        assertThat(Sql.update(ds, "update blob set data = ?, size_bytes = ? where id = (select v.blob_id from document_version v "
                + "join document d on d.current_version_id = v.id where d.id = ?)", data, (long) data.length, doc)).isEqualTo(1);
    }
}
