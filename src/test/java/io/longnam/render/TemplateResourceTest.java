package io.longnam.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateResourceTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    DataSource ds;

    static Response upload(Tenant t, String name, byte[] docx) {
        return t.as().multiPart("file", "template.docx", docx, DOCX).multiPart("name", name, "text/plain; charset=UTF-8").post("/api/v1/templates");
    }

    @Test
    void listsBuiltInTemplatesWithTheirFields() {
        Tenant school = Api.school("โรงเรียนแม่แบบ");
        school.as().get("/api/v1/templates").then().statusCode(200)
                .body("items.id", hasItems("PP1", "PP2", "LETTER"));
        school.as().get("/api/v1/templates/PP2").then().statusCode(200)
                .body("builtIn", equalTo(true)).body("status", equalTo("ACTIVE")).body("documentType", equalTo("PP2"))
                .body("fields.find { it.name == 'nationalId' }.required", equalTo(true))
                .body("fields.find { it.name == 'photo' }.type", equalTo("IMAGE"));
        school.as().get("/api/v1/templates/PP1").then().statusCode(200)
                .body("fields.find { it.name == 'courses' }.itemFields.name", hasItems("code", "grade"));
    }

    @Test
    void uploadedDocxTemplatesAreVersionedByNameWithDiscoveredFields() throws Exception {
        Tenant school = Api.school("โรงเรียนแม่แบบสอง");
        byte[] docx = InputsTest.docxTemplate();
        String v1 = upload(school, "ใบรับรองผลการเรียน", docx).then().statusCode(201)
                .body("version", equalTo(1)).body("builtIn", equalTo(false))
                .body("fields.name", hasItems("title", "studentName", "photo", "courses"))
                .body("fields.find { it.name == 'courses' }.itemFields.name", hasItems("code", "name"))
                .extract().path("id");
        String v2 = upload(school, "ใบรับรองผลการเรียน", docx).then().statusCode(201).body("version", equalTo(2)).extract().path("id");
        assertThat(v2).isNotEqualTo(v1);
        school.as().get("/api/v1/templates/{id}", v1).then().statusCode(200).body("name", equalTo("ใบรับรองผลการเรียน"));
        byte[] back = school.as().get("/api/v1/templates/{id}/file", v1).then().statusCode(200)
                .contentType(DOCX).extract().asByteArray();
        assertThat(back).isEqualTo(docx);
        school.as().get("/api/v1/templates").then().statusCode(200).body("items.id", hasItems(v1, v2, "PP1"));
    }

    @Test
    void aTemplateDownloadCarriesTheFileHeadersAndAnswers304ToItsETag() throws Exception {
        Tenant school = Api.school("โรงเรียนแม่แบบดาวน์โหลด");
        byte[] docx = InputsTest.docxTemplate();
        String id = upload(school, "ใบรับรอง", docx).then().statusCode(201).extract().path("id");
        String etag = "\"" + io.longnam.common.Hashes.sha256Hex(docx) + "\"";

        school.as().get("/api/v1/templates/{id}/file", id).then().statusCode(200).contentType(DOCX)
                .header("ETag", etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''" + java.net.URLEncoder.encode("ใบรับรอง v1.docx", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        byte[] unchanged = school.as().header("If-None-Match", etag).get("/api/v1/templates/{id}/file", id).then().statusCode(304)
                .header("ETag", etag).extract().asByteArray();
        assertThat(unchanged).isEmpty();
        school.as().header("If-None-Match", "\"stale\"").get("/api/v1/templates/{id}/file", id).then().statusCode(200);
    }

    @Test
    void malformedDocxIsRefusedWith422AndNothingStored() {
        Tenant school = Api.school("โรงเรียนไฟล์เสีย");
        upload(school, "เสีย", "not a zip at all".getBytes()).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_DOCX"));
        assertThat(Sql.count(ds, "select count(*) from document_template where organization_id = ?", school.orgId())).isZero();
    }

    @Test
    void anotherTenantsTemplateIsNotFound() throws Exception {
        Tenant owner = Api.school("โรงเรียนเจ้าของแม่แบบ");
        Tenant stranger = Api.school("โรงเรียนอื่น");
        String id = upload(owner, "ของเรา", InputsTest.docxTemplate()).then().statusCode(201).extract().path("id");
        stranger.as().get("/api/v1/templates/{id}", id).then().statusCode(404).contentType("application/problem+json");
        stranger.as().get("/api/v1/templates/{id}/file", id).then().statusCode(404);
        stranger.as().delete("/api/v1/templates/{id}", id).then().statusCode(404);
        stranger.as().contentType(ContentType.JSON).body(Map.of("templateId", id, "data", Map.of()))
                .post("/api/v1/renders").then().statusCode(404);
        stranger.as().get("/api/v1/templates").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItems(id)));
    }

    @Test
    void aChildOrganisationRendersWithItsParentsTemplate() throws Exception {
        Tenant office = Api.school("สำนักงานเขตพื้นที่");
        Tenant school = office.child("โรงเรียนในเขต");
        String id = upload(office, "หนังสือรับรอง", InputsTest.docxTemplate()).then().statusCode(201).extract().path("id");
        school.as().get("/api/v1/templates/{id}", id).then().statusCode(200);
        school.as().delete("/api/v1/templates/{id}", id).then().statusCode(403);
    }

    @Test
    void retiredTemplateStaysListedButCannotRender() throws Exception {
        Tenant school = Api.school("โรงเรียนเลิกใช้แม่แบบ");
        String id = upload(school, "เก่า", InputsTest.docxTemplate()).then().statusCode(201).extract().path("id");
        school.as().delete("/api/v1/templates/{id}", id).then().statusCode(200).body("status", equalTo("RETIRED"));
        school.as().get("/api/v1/templates").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("RETIRED"));
        long before = Sql.count(ds, "select count(*) from document where organization_id = ?", school.orgId());
        school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", id, "data", Map.of("title", "x", "studentName", "y", "courses", List.of())))
                .post("/api/v1/renders").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("template-retired"));
        assertThat(Sql.count(ds, "select count(*) from document where organization_id = ?", school.orgId())).isEqualTo(before);
        school.as().delete("/api/v1/templates/PP1").then().statusCode(409);
    }

    @Test
    void docxWithoutStylesOrPageSetupRendersOnA4WithDefaults() throws Exception {
        Tenant school = Api.school("โรงเรียนแม่แบบเปล่า");
        org.apache.poi.xwpf.usermodel.XWPFDocument bare = new org.apache.poi.xwpf.usermodel.XWPFDocument();
        bare.createParagraph().createRun().setText("เรียน {{name}} ผู้ปกครองนักเรียน");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        bare.write(out);
        bare.close();
        String id = upload(school, "เปล่า", out.toByteArray()).then().statusCode(201).extract().path("id");
        String doc = school.as().contentType(ContentType.JSON).body(Map.of("templateId", id, "data", Map.of("name", "นายใจดี")))
                .post("/api/v1/renders").then().statusCode(201).extract().path("id");
        byte[] pdf = school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(200).extract().asByteArray();
        PdfChecks.assertPdfA3u(pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument rendered = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.common.PDRectangle page = rendered.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(rendered)).contains("นายใจดี");
        }
    }
}
