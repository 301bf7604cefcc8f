package io.longnam.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Api;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RenderResourceTest {

    static final String XML = "application/xml";
    static final String CSV_HEADER = "certificateNumber,schoolName,level,studentName,studentId,nationalId,birthDate,directorName\r\n";

    @Inject
    DataSource ds;

    /** PP2 data as a client sends it in JSON: images as base64. */
    static Map<String, Object> pp2Json() {
        Map<String, Object> data = new LinkedHashMap<>(Samples.pp2());
        data.put("photo", Base64.getEncoder().encodeToString((byte[]) data.get("photo")));
        return data;
    }

    static String pp2Xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><pp2><certificateNumber>0045678</certificateNumber>"
                + "<schoolName>โรงเรียนบ้านใหญ่วิทยาคม</schoolName><level>มัธยมศึกษาปีที่ 3</level>"
                + "<studentName>เด็กชายกล้าหาญ ใจดี</studentName><studentId>12399</studentId>"
                + "<nationalId>" + Samples.NATIONAL_ID + "</nationalId><birthDate>2011-05-01</birthDate>"
                + "<directorName>นายผู้ใหญ่ บ้านใหญ่</directorName></pp2>";
    }

    long documents(Tenant t) {
        return Sql.count(ds, "select count(*) from document where organization_id = ?", t.orgId());
    }

    static byte[] file(Tenant t, String id) {
        return t.as().get("/api/v1/documents/{id}/file", id).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void jsonDataRendersABuiltInTemplateIntoARegisteredPdfA3WhoseQrOpensItsVerificationPage() throws Exception {
        Tenant school = Api.school("โรงเรียนบ้านใหญ่วิทยาคม");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", "PP2");
        body.put("data", pp2Json());
        body.put("ownerRef", "student-12345");
        body.put("labels", List.of("graduates-2569"));
        var response = school.as().contentType(ContentType.JSON).body(body).post("/api/v1/renders").then().statusCode(201)
                .body("inputFormat", equalTo("TEMPLATE_JSON")).body("importChannel", equalTo("API"))
                .body("documentType", equalTo("PP2")).body("status", equalTo("REGISTERED"))
                .body("title", equalTo("ปพ.2 ประกาศนียบัตร")).body("versions[0].kind", equalTo("RENDERED"))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/documents/" + id);
        byte[] pdf = file(school, id);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("เด็กหญิงใจดี มีสุข", "โรงเรียนบ้านใหญ่วิทยาคม", "นายผู้ใหญ่ บ้านใหญ่");
        assertThat(qrText(pdf)).isEqualTo("https://sign.example.test/v/" + id);
        String embedded = new String(Samples.renderer().extractAttachment(pdf, "data.json"), StandardCharsets.UTF_8);
        assertThat(embedded).contains("เด็กหญิงใจดี มีสุข");
    }

    @Test
    void xmlDataInMultipartRendersAndIsEmbeddedByteIdentical() {
        Tenant school = Api.school("โรงเรียนเอกซ์เอ็มแอล");
        byte[] xml = pp2Xml().getBytes(StandardCharsets.UTF_8);
        String id = school.as().multiPart("templateId", "PP2").multiPart("data", "pp2.xml", xml, XML)
                .post("/api/v1/renders/data").then().statusCode(201)
                .body("inputFormat", equalTo("TEMPLATE_XML")).body("documentType", equalTo("PP2")).extract().path("id");
        byte[] pdf = file(school, id);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("เด็กชายกล้าหาญ ใจดี");
        assertThat(Samples.renderer().extractAttachment(pdf, "data.xml")).isEqualTo(xml);
    }

    @Test
    void uploadedDocxTemplateRendersJsonAndAnInlineDocxRendersXml() throws Exception {
        Tenant school = Api.school("โรงเรียนเวิร์ด");
        byte[] docx = InputsTest.docxTemplate();
        String templateId = TemplateResourceTest.upload(school, "ระเบียนย่อ", docx).then().statusCode(201).extract().path("id");
        Map<String, Object> data = Map.of("title", "ระเบียนแสดงผลการเรียน", "studentName", "เด็กหญิงใจดี มีสุข",
                "courses", List.of(Map.of("code", "ท21101", "name", "ภาษาไทย ผู้ใหญ่")));
        String id = school.as().contentType(ContentType.JSON).body(Map.of("templateId", templateId, "data", data))
                .post("/api/v1/renders").then().statusCode(201)
                .body("inputFormat", equalTo("DOCX_JSON")).body("documentType", equalTo("OTHER")).extract().path("id");
        byte[] pdf = file(school, id);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("ระเบียนแสดงผลการเรียน", "เด็กหญิงใจดี มีสุข", "ภาษาไทย ผู้ใหญ่");

        String xml = "<d><title>หนังสือรับรอง</title><studentName>เด็กชายกล้า หาญ</studentName>"
                + "<courses><course><code>ค21101</code><name>คณิตศาสตร์ ใหญ่</name></course></courses></d>";
        String inline = school.as().multiPart("template", "t.docx", docx, TemplateResourceTest.DOCX)
                .multiPart("data", "d.xml", xml.getBytes(StandardCharsets.UTF_8), XML)
                .multiPart("options", "options.json", "{\"documentType\":\"LETTER\",\"title\":\"หนังสือรับรอง\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/renders/files").then().statusCode(201)
                .body("inputFormat", equalTo("DOCX_XML")).body("documentType", equalTo("LETTER"))
                .body("title", equalTo("หนังสือรับรอง")).extract().path("id");
        byte[] inlinePdf = file(school, inline);
        PdfChecks.assertPdfA3u(inlinePdf);
        assertThat(PdfChecks.pdftotext(inlinePdf)).contains("หนังสือรับรอง", "เด็กชายกล้า หาญ", "คณิตศาสตร์ ใหญ่");
    }

    @Test
    void textFileBecomesAPdfA3Document() {
        Tenant school = Api.school("โรงเรียนข้อความ");
        byte[] text = ("บันทึกข้อความ\n\nผู้ใหญ่บ้านใหญ่ขอเชิญประชุม").getBytes(StandardCharsets.UTF_8);
        String id = school.as().multiPart("file", "memo.txt", text, "text/plain").post("/api/v1/renders/text").then().statusCode(201)
                .body("inputFormat", equalTo("TEXT")).body("importChannel", equalTo("API")).body("title", equalTo("memo.txt"))
                .extract().path("id");
        byte[] pdf = file(school, id);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("บันทึกข้อความ", "ผู้ใหญ่บ้านใหญ่ขอเชิญประชุม");
    }

    @Test
    void csvRowsBecomeDocumentsAndFormulaRowsAreReportedNotRegistered() {
        Tenant school = Api.school("โรงเรียนซีเอสวี");
        String csv = "\uFEFF" + CSV_HEADER
                + "0045678,โรงเรียนบ้านใหญ่,มัธยมศึกษาปีที่ 3,เด็กหญิงใจดี มีสุข,12345," + Samples.NATIONAL_ID + ",2011-02-14,นายผู้ใหญ่ บ้านใหญ่\r\n"
                + "0045679,\"โรงเรียนบ้านใหญ่, ป่าแดด\",มัธยมศึกษาปีที่ 3,เด็กชายกล้า หาญ,12346," + Samples.NATIONAL_ID + ",2011-05-01,นายผู้ใหญ่ บ้านใหญ่\r\n"
                + "0045680,=HYPERLINK(\"http://evil\"),มัธยมศึกษาปีที่ 3,x,1," + Samples.NATIONAL_ID + ",2011-01-01,y\r\n"
                + "0045681,โรงเรียนบ้านใหญ่,มัธยมศึกษาปีที่ 3,เด็กชายผิด เลข,12347,1101700203451,2011-01-01,นายผู้ใหญ่ บ้านใหญ่\r\n";
        long before = documents(school);
        var r = school.as().multiPart("templateId", "PP2").multiPart("file", "grads.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/renders/batches").then().statusCode(201)
                .body("items.size()", equalTo(2)).body("items.inputFormat", containsInAnyOrder("CSV", "CSV"))
                .body("errors.line", containsInAnyOrder(4, 5))
                .body("errors.find { it.line == 4 }.code", equalTo("FORMULA_INJECTION"))
                .body("errors.find { it.line == 4 }.errors.field", hasItems("schoolName"))
                .body("errors.find { it.line == 5 }.code", equalTo("INVALID_FIELDS"))
                .body("errors.find { it.line == 5 }.errors.field", hasItems("nationalId"))
                .extract();
        assertThat(documents(school)).isEqualTo(before + 2);
        String second = r.path("items[1].id");
        byte[] pdf = file(school, second);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("เด็กชายกล้า หาญ");

        String onlyFormulas = CSV_HEADER + "0045680,@SUM(A1),มัธยมศึกษาปีที่ 3,x,1," + Samples.NATIONAL_ID + ",2011-01-01,y\r\n";
        school.as().multiPart("templateId", "PP2").multiPart("file", "bad.csv", onlyFormulas.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/renders/batches").then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("no-valid-rows")).body("rowErrors[0].code", equalTo("FORMULA_INJECTION"));
        assertThat(documents(school)).isEqualTo(before + 2);
    }

    @Test
    void xlsxRowsBecomeDocuments() throws Exception {
        Tenant school = Api.school("โรงเรียนเอกซ์แอลเอสเอกซ์");
        String[] header = CSV_HEADER.strip().split(",");
        String[] row = {"0045690", "โรงเรียนบ้านใหญ่", "มัธยมศึกษาปีที่ 3", "เด็กหญิงแก้วตา ดวงใจ", "22345", Samples.NATIONAL_ID, "2011-02-14", "นายผู้ใหญ่ บ้านใหญ่"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet();
            for (int r = 0; r < 2; r++) {
                var cells = sheet.createRow(r);
                for (int c = 0; c < header.length; c++) {
                    cells.createCell(c).setCellValue(r == 0 ? header[c] : row[c]);
                }
            }
            wb.write(out);
        }
        String id = school.as().multiPart("templateId", "PP2")
                .multiPart("file", "grads.xlsx", out.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/v1/renders/batches").then().statusCode(201).body("items.size()", equalTo(1)).body("errors.size()", equalTo(0))
                .body("items[0].inputFormat", equalTo("XLSX")).extract().path("items[0].id");
        byte[] pdf = file(school, id);
        PdfChecks.assertPdfA3u(pdf);
        assertThat(PdfChecks.pdftotext(pdf)).contains("เด็กหญิงแก้วตา ดวงใจ");
    }

    @Test
    void pdfPlusXmlCarriesTheXmlByteIdentical() {
        Tenant school = Api.school("โรงเรียนพีดีเอฟเอกซ์เอ็มแอล");
        byte[] pdf = Samples.renderer().renderText("ระเบียนแสดงผลการเรียน ผู้ใหญ่".getBytes(StandardCharsets.UTF_8), RenderOptions.defaults()).pdf();
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><transcript><studentName>เด็กหญิงใจดี มีสุข</studentName></transcript>"
                .getBytes(StandardCharsets.UTF_8);
        String id = school.as().multiPart("file", "transcript.pdf", pdf, "application/pdf").multiPart("xml", "transcript.xml", xml, XML)
                .post("/api/v1/renders/pdf-xml").then().statusCode(201).body("inputFormat", equalTo("PDF_XML")).extract().path("id");
        byte[] stored = file(school, id);
        PdfChecks.assertPdfA3u(stored);
        assertThat(PdfChecks.pdftotext(stored)).contains("ระเบียนแสดงผลการเรียน");
        assertThat(Samples.renderer().extractAttachment(stored, "transcript.xml")).isEqualTo(xml);
    }

    /**
     * #19 item 5: the PDF of "PDF + XML" passes the same inspection as a registered PDF (PdfInspector): not a PDF →
     * 415, cut short → 422 corrupt-pdf, and a damaged file is refused rather than repaired into the PDF/A-3.
     */
    @Test
    void pdfPlusXmlTakesOnlyAWholePdf() {
        Tenant school = Api.school("โรงเรียนพีดีเอฟเสีย");
        long before = documents(school);
        byte[] xml = "<?xml version=\"1.0\"?><t><studentName>เด็กชายกล้า</studentName></t>".getBytes(StandardCharsets.UTF_8);
        byte[] whole = io.longnam.support.TestPdfs.onePage("whole");
        pdfXml(school, io.longnam.support.TestPdfs.png(), xml).statusCode(415).contentType("application/problem+json");
        pdfXml(school, io.longnam.support.TestPdfs.behind("<html>", whole), xml).statusCode(415);
        pdfXml(school, io.longnam.support.TestPdfs.truncated(), xml).statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/corrupt-pdf"));
        // Cut short and given a new end marker: readers rebuild such files from what is left; this one is refused.
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        byte[] patched = (new String(cut, StandardCharsets.ISO_8859_1) + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        pdfXml(school, patched, xml).statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/corrupt-pdf"));
        assertThat(documents(school)).isEqualTo(before);
    }

    private static ValidatableResponse pdfXml(Tenant school, byte[] pdf, byte[] xml) {
        return school.as().multiPart("file", "t.pdf", pdf, "application/pdf").multiPart("xml", "t.xml", xml, XML)
                .post("/api/v1/renders/pdf-xml").then();
    }

    @Test
    void refusedInputAnswersTheRightProblemAndRegistersNothing() throws Exception {
        Tenant school = Api.school("โรงเรียนข้อมูลเสีย");
        long before = documents(school);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><d><studentName>&xxe;</studentName></d>";
        school.as().multiPart("templateId", "PP2").multiPart("data", "d.xml", xxe.getBytes(StandardCharsets.UTF_8), XML)
                .post("/api/v1/renders/data").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("XML_DTD_FORBIDDEN"));
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><lolz><a>&lol9;</a></lolz>");
        school.as().multiPart("file", "t.pdf", Samples.renderer().renderText("ก".getBytes(StandardCharsets.UTF_8), RenderOptions.defaults()).pdf(), "application/pdf")
                .multiPart("xml", "x.xml", lol.toString().getBytes(StandardCharsets.UTF_8), XML)
                .post("/api/v1/renders/pdf-xml").then().statusCode(422).body("code", equalTo("XML_DTD_FORBIDDEN"));

        Map<String, Object> unknown = pp2Json();
        unknown.put("nickname", "ใจ");
        unknown.remove("studentName");
        unknown.put("birthDate", "14/02/2554");
        school.as().contentType(ContentType.JSON).body(Map.of("templateId", "PP2", "data", unknown)).post("/api/v1/renders")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_FIELDS"))
                .body("errors.field", containsInAnyOrder("nickname", "studentName", "birthDate"));

        Map<String, Object> huge = pp2Json();
        huge.put("photo", Base64.getEncoder().encodeToString(Samples.png(new BufferedImage(5000, 4500, BufferedImage.TYPE_BYTE_BINARY))));
        school.as().contentType(ContentType.JSON).body(Map.of("templateId", "PP2", "data", huge)).post("/api/v1/renders")
                .then().statusCode(422).body("code", equalTo("IMAGE_TOO_LARGE")).body("errors.field", hasItems("photo"));

        school.as().multiPart("template", "t.docx", "PK but not a docx".getBytes(), TemplateResourceTest.DOCX)
                .multiPart("data", "{}", "application/json").post("/api/v1/renders/files").then().statusCode(422)
                .body("code", equalTo("MALFORMED_DOCX"));
        school.as().multiPart("file", "photo.png", Samples.photo(10, 10), "image/png").post("/api/v1/renders/text")
                .then().statusCode(415).contentType("application/problem+json");
        school.as().multiPart("templateId", "PP2").multiPart("data", "d.yaml", "a: b".getBytes(), "application/yaml")
                .post("/api/v1/renders/data").then().statusCode(415);
        school.as().contentType(ContentType.JSON).body(Map.of("templateId", "PP9", "data", Map.of())).post("/api/v1/renders")
                .then().statusCode(404);
        assertThat(documents(school)).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReplaysTheSameDocument() {
        Tenant school = Api.school("โรงเรียนซ้ำ");
        Map<String, Object> body = Map.of("templateId", "PP2", "data", pp2Json());
        String key = "render-" + UUID.randomUUID();
        String first = school.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/renders").then().statusCode(201).extract().path("id");
        long after = documents(school);
        ValidatableResponse again = school.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/renders").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat((String) again.extract().path("id")).isEqualTo(first);
        assertThat(documents(school)).isEqualTo(after);
        school.as().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", pp2Json(), "title", "อื่น"))
                .post("/api/v1/renders").then().statusCode(409);
    }

    @Test
    void eachFileRenderTakesOnlyItsOwnPartsAndTheOldCombinedFormStillRenders() throws Exception {
        Tenant school = Api.school("โรงเรียนแยกทาง");
        byte[] text = "บันทึกข้อความ".getBytes(StandardCharsets.UTF_8);
        school.as().multiPart("file", "memo.txt", text, "text/plain").multiPart("templateId", "PP2")
                .post("/api/v1/renders/text").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("templateId"));
        school.as().multiPart("file", "memo.txt", text, "text/plain").post("/api/v1/renders/batches")
                .then().statusCode(400).body("errors[0].field", equalTo("templateId"));
        school.as().multiPart("templateId", "PP2").multiPart("file", "memo.txt", text, "text/plain")
                .post("/api/v1/renders/batches").then().statusCode(415);
        school.as().multiPart("template", "t.docx", InputsTest.docxTemplate(), TemplateResourceTest.DOCX)
                .post("/api/v1/renders/files").then().statusCode(400).body("errors[0].field", equalTo("data"));
        school.as().multiPart("file", "memo.txt", text, "text/plain").post("/api/v1/renders").then().statusCode(201)
                .body("inputFormat", equalTo("TEXT"));
    }

    /** Decodes the QR code on page 1. */
    static String qrText(byte[] pdf) throws Exception {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(PdfChecks.firstPagePng(pdf, 150)));
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
        return new com.google.zxing.MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true,
                        com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE))).getText();
    }
}
