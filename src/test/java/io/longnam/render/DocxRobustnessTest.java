package io.longnam.render;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** docx files as other producers write them render; what cannot be rendered is refused in words a clerk can act on. */
@QuarkusTest
class DocxRobustnessTest {

    @Test
    void tableWithoutGridRendersWithColumnsFromItsCells() throws Exception {
        Tenant school = Api.school("โรงเรียนตารางไม่มีกริด");
        byte[] docx = docx(doc -> {
            // POI writes tables without w:tblGrid; so do other generators.
            XWPFTable table = doc.createTable(2, 3);
            String[][] cells = {{"รหัสวิชา", "รายวิชา", "หน่วยกิต"}, {"ท21101", "ภาษาไทยเพื่อการสื่อสาร", "1.5"}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
        });
        assertThat(docx).satisfies(d -> assertThat(new String(entry(d, "word/document.xml"), StandardCharsets.UTF_8))
                .doesNotContain("tblGrid"));
        byte[] pdf = renderOnce(school, docx).then().statusCode(200).extract().asByteArray();
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("รหัสวิชา", "ภาษาไทยเพื่อการ", "สื่อสาร", "หน่วยกิต", "ท21101");
    }

    @Test
    void refusalsSayWhatToDoAndCarryNoJavaInternals() throws Exception {
        Tenant school = Api.school("โรงเรียนไฟล์เสีย");
        Map<String, Response> refusals = new LinkedHashMap<>();
        refusals.put("table without rows", renderOnce(school, docx(doc -> doc.createTable(1, 1).removeRow(0))));
        refusals.put("row without cells", renderOnce(school, docx(doc -> doc.createTable(1, 1).getRow(0).getCtRow().removeTc(0))));
        refusals.put("document part not XML", renderOnce(school, replaced(docx(doc -> { }), "word/document.xml",
                "<w:document ไม่ใช่ XML".getBytes(StandardCharsets.UTF_8))));
        refusals.put("not a docx", renderOnce(school, "PK but not a docx".getBytes(StandardCharsets.UTF_8)));
        refusals.put("template upload without document part", school.as()
                .multiPart("file", "t.docx", replaced(docx(doc -> { }), "word/document.xml", null), TemplateResourceTest.DOCX)
                .multiPart("name", "เสีย", "text/plain; charset=UTF-8").post("/api/v1/templates"));
        refusals.put("data not JSON", school.as().multiPart("template", "t.docx", docx(doc -> { }), TemplateResourceTest.DOCX)
                .multiPart("data", "d.json", "{\"a\":".getBytes(StandardCharsets.UTF_8), "application/json").post("/api/v1/renders"));
        refusals.put("unknown field", school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", Map.of("nickname", "ใจ"))).post("/api/v1/renders"));

        refusals.forEach((what, response) -> {
            String body = response.asString();
            assertThat(response.statusCode()).as(what + ": " + body).isBetween(400, 499);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(body).as(what).doesNotContain("java.", "Exception", "at io.", "org.apache", "fr.opensagres", "com.lowagie");
        });
        assertThat(refusals.get("table without rows").jsonPath().getString("detail"))
                .contains("save it again as a .docx file");
        assertThat(refusals.get("row without cells").jsonPath().getString("code")).isEqualTo("MALFORMED_DOCX");
    }

    private static Response renderOnce(Tenant school, byte[] docx) {
        Response created = school.as().multiPart("template", "t.docx", docx, TemplateResourceTest.DOCX)
                .multiPart("data", "d.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/renders");
        if (created.statusCode() != 201) {
            return created;
        }
        return school.as().get("/api/v1/documents/{id}/file", created.jsonPath().getString("id"));
    }

    private static byte[] docx(Consumer<XWPFDocument> content) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("ระเบียนแสดงผลการเรียน");
            content.accept(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The package with one part's bytes replaced, or the part left out when {@code bytes} is null. */
    private static byte[] replaced(byte[] docx, String part, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = e.getName().equals(part) ? bytes : in.readAllBytes();
                if (content != null) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] entry(byte[] docx, String part) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(part)) {
                    return in.readAllBytes();
                }
            }
            throw new AssertionError(part + " missing");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
