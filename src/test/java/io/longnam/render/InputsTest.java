package io.longnam.render;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTest {

    private final Renderer renderer = Samples.renderer();

    @Test
    void embeddedXmlComesBackByteIdentical() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><transcript><studentName>เด็กหญิงใจดี มีสุข</studentName></transcript>"
                .getBytes(StandardCharsets.UTF_8);
        RenderResult r = renderer.render(Pp2Template.ID, Samples.pp2(), Samples.options()
                .withEmbedSource(new RenderOptions.Source(xml, "transcript.xml", "application/xml", PdfA3.Relationship.Source)));
        PdfChecks.assertPdfA3u(r.pdf());
        assertThat(renderer.extractAttachment(r.pdf(), "transcript.xml")).isEqualTo(xml);
        assertThatThrownBy(() -> renderer.extractAttachment(r.pdf(), "other.xml"))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.ATTACHMENT_NOT_FOUND));
    }

    @Test
    void pdfPlusXmlBecomesPdfA3CarryingTheXml() throws Exception {
        byte[] plain = renderer.renderText("ผู้ใหญ่บ้าน ใหญ่".getBytes(StandardCharsets.UTF_8), Samples.options()).pdf();
        byte[] xml = "<doc><a>ใหญ่</a></doc>".getBytes(StandardCharsets.UTF_8);
        RenderResult r = renderer.attachXml(plain, xml, "data.xml", Samples.options());
        Files.write(Path.of("target/pdf-xml.pdf"), r.pdf());
        PdfChecks.assertPdfA3u(r.pdf());
        assertThat(renderer.extractAttachment(r.pdf(), "data.xml")).isEqualTo(xml);
        assertThat(PdfChecks.pdftotext(r.pdf())).contains("ผู้ใหญ่บ้าน");
    }

    @Test
    void pdfWithUnembeddedFontsIsRefusedForPdfA() throws Exception {
        com.lowagie.text.Document doc = new com.lowagie.text.Document();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new com.lowagie.text.Paragraph("Helvetica, not embedded"));
        doc.close();
        assertThatThrownBy(() -> renderer.attachXml(out.toByteArray(), "<a/>".getBytes(), "a.xml", Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderInputException.Code.PDFA_NOT_REACHABLE);
                    assertThat(e.getMessage()).contains("Helvetica").contains("not embedded");
                });
    }

    @Test
    void xmlDataMapsToTheSameFieldsAsJson() {
        String xml = "<pp2><certificateNumber>0045678</certificateNumber><studentName>เด็กหญิงใจดี มีสุข</studentName></pp2>";
        String json = "{\"certificateNumber\":\"0045678\",\"studentName\":\"เด็กหญิงใจดี มีสุข\"}";
        assertThat(Renderer.parseXml(xml.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Renderer.parseJson(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xxePayloadIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><d><a>&xxe;</a></d>";
        assertThatThrownBy(() -> Renderer.parseXml(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.XML_DTD_FORBIDDEN));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        sb.append("]><lolz><a>&lol9;</a></lolz>");
        assertThatThrownBy(() -> Renderer.parseXml(sb.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.XML_DTD_FORBIDDEN));
    }

    @Test
    void unknownMissingAndMistypedFieldsAreReportedPerField() {
        Map<String, Object> data = Samples.pp2();
        data.put("nickname", "ใจ");
        data.remove("studentName");
        data.put("birthDate", "14/02/2554");
        assertThatThrownBy(() -> renderer.render(Pp2Template.ID, data, Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderInputException.Code.INVALID_FIELDS);
                    assertThat(e.fieldErrors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("nickname", "studentName", "birthDate");
                });
        Map<String, Object> badId = Samples.pp2();
        badId.put("nationalId", "1101700203451");
        assertThatThrownBy(() -> renderer.render(Pp2Template.ID, badId, Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("nationalId"));
        Map<String, Object> pp1 = Samples.pp1();
        @SuppressWarnings("unchecked")
        Map<String, Object> course = ((List<Map<String, Object>>) pp1.get("courses")).get(2);
        course.put("credits", "หนึ่ง");
        assertThatThrownBy(() -> renderer.render(Pp1Template.ID, pp1, Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("courses[2].credits"));
        assertThatThrownBy(() -> renderer.render("PP9", Map.of(), Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.UNKNOWN_TEMPLATE));
    }

    @Test
    void hugeImageIsRefused() {
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(5000, 4500, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        Map<String, Object> data = Samples.pp2();
        data.put("photo", Samples.png(big));
        assertThatThrownBy(() -> renderer.render(Pp2Template.ID, data, Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.IMAGE_TOO_LARGE));
        data.put("photo", "bm90IGFuIGltYWdl");
        assertThatThrownBy(() -> renderer.render(Pp2Template.ID, data, Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.INVALID_IMAGE));
    }

    @Test
    void docxTemplateMergesSplitPlaceholdersRowsImageAndQr() throws Exception {
        byte[] docx = docxTemplate();
        assertThat(DocxTemplate.fields(docx)).extracting(TemplateField::name)
                .containsExactlyInAnyOrder("title", "studentName", "photo", "courses");
        Map<String, Object> data = Map.of(
                "title", "ระเบียนแสดงผลการเรียน",
                "studentName", "เด็กหญิงใจดี มีสุข",
                "photo", Samples.photo(120, 160),
                "courses", List.of(Map.of("code", "ท21101", "name", "ภาษาไทย ผู้ใหญ่"), Map.of("code", "ค21101", "name", "คณิตศาสตร์ ใหญ่")));
        RenderResult r = renderer.renderDocx(docx, data, Samples.options());
        Files.write(Path.of("target/docx.pdf"), r.pdf());
        PdfChecks.assertPdfA3u(r.pdf());
        assertThat(PdfChecks.pdftotext(r.pdf())).contains("ระเบียนแสดงผลการเรียน", "เด็กหญิงใจดี มีสุข", "ท21101",
                "ภาษาไทย ผู้ใหญ่", "คณิตศาสตร์ ใหญ่").doesNotContain("{{");
    }

    @Test
    void onePreparedDocxTemplateServesConcurrentRendersWithTheirOwnData() throws Exception {
        DocxTemplate.Prepared template = DocxTemplate.prepare(docxTemplate());
        List<String> names = List.of("เด็กชายหนึ่ง ใจดี", "เด็กหญิงสอง มีสุข", "เด็กชายสาม ศรีสุข", "เด็กหญิงสี่ สุขใจ",
                "เด็กชายห้า ใฝ่รู้", "เด็กหญิงหก รักเรียน", "เด็กชายเจ็ด ขยัน", "เด็กหญิงแปด อดทน");
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<String>> texts = names.stream().map(name -> pool.submit(() -> PdfChecks.pdftotext(
                    renderer.renderDocx(template, Map.of("title", "ระเบียนแสดงผลการเรียน", "studentName", name,
                            "courses", List.of(Map.of("code", "ท21101", "name", name))), Samples.options()).pdf()))).toList();
            for (int i = 0; i < names.size(); i++) {
                String text = texts.get(i).get();
                String own = names.get(i);
                assertThat(text).contains(own).doesNotContain("{{");
                names.stream().filter(n -> !n.equals(own)).forEach(other -> assertThat(text).doesNotContain(other));
            }
        }
    }

    @Test
    void malformedDocxIsRefused() throws Exception {
        assertDocxRefused("not a zip".getBytes());
        assertDocxRefused(zip("word/other.xml", new byte[10]));
        assertDocxRefused(zip("word/document.xml", new byte[(int) ZipGuard.MAX_EXPANDED_BYTES + 1]));
    }

    private void assertDocxRefused(byte[] docx) {
        assertThatThrownBy(() -> renderer.renderDocx(docx, Map.of(), Samples.options()))
                .isInstanceOfSatisfying(RenderInputException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.MALFORMED_DOCX));
    }

    @Test
    void textFilesInUtf8AndTis620AreSetInThai() {
        String text = "บันทึกข้อความ\n\nผู้ใหญ่บ้านใหญ่ " + "ระเบียนแสดงผลการเรียน ".repeat(200);
        for (byte[] bytes : List.of(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), text.getBytes(Charset.forName("TIS-620")))) {
            RenderResult r = renderer.renderText(bytes, Samples.options());
            PdfChecks.assertPdfA3u(r.pdf());
            assertThat(PdfChecks.pdftotext(r.pdf())).contains("บันทึกข้อความ", "ผู้ใหญ่บ้านใหญ่").doesNotContain("\uFEFF");
            assertThat(r.pageCount()).isGreaterThan(1);
        }
    }

    @Test
    void csvRowsRenderAsCertificatesAndFormulaRowsAreRefused() {
        String csv = "\uFEFFcertificateNumber,schoolName,level,studentName,studentId,nationalId,birthDate,directorName\r\n"
                + "0045678,โรงเรียนบ้านใหญ่,มัธยมศึกษาปีที่ 3,เด็กหญิงใจดี มีสุข,12345," + Samples.NATIONAL_ID + ",2011-02-14,\"นายผู้ใหญ่ บ้านใหญ่\"\r\n"
                + "0045679,\"โรงเรียนบ้านใหญ่, ป่าแดด\",มัธยมศึกษาปีที่ 3,เด็กชายกล้า หาญ,12346," + Samples.NATIONAL_ID + ",2011-05-01,นายผู้ใหญ่ บ้านใหญ่\r\n"
                + "0045680,=HYPERLINK(\"http://evil\"),มัธยมศึกษาปีที่ 3,x,1,1,2011-01-01,y\r\n";
        List<RowResult> rows = renderer.rows(csv.getBytes(StandardCharsets.UTF_8), TableInput.Format.CSV);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).values()).containsEntry("schoolName", "โรงเรียนบ้านใหญ่, ป่าแดด");
        RowResult bad = rows.get(2);
        assertThat(bad.code()).isEqualTo(RenderInputException.Code.FORMULA_INJECTION);
        assertThat(bad.errors()).extracting(FieldError::field).containsExactly("schoolName");
        assertThatThrownBy(bad::valuesOrThrow).isInstanceOfSatisfying(RenderInputException.class,
                e -> assertThat(e.code()).isEqualTo(RenderInputException.Code.FORMULA_INJECTION));
        for (RowResult row : rows.subList(0, 2)) {
            RenderResult r = renderer.render(Pp2Template.ID, row.valuesOrThrow(), Samples.options());
            PdfChecks.assertPdfA3u(r.pdf());
            assertThat(PdfChecks.pdftotext(r.pdf())).contains((String) row.values().get("studentName"));
        }
    }

    @Test
    void xlsxFormulaCellsAreRefusedNotEvaluated() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        var sheet = wb.createSheet();
        var h = sheet.createRow(0);
        h.createCell(0).setCellValue("studentId");
        h.createCell(1).setCellValue("studentName");
        var r1 = sheet.createRow(1);
        r1.createCell(0).setCellValue(12345);
        r1.createCell(1).setCellValue("เด็กหญิงใจดี มีสุข");
        var r2 = sheet.createRow(2);
        r2.createCell(0).setCellFormula("1+1");
        r2.createCell(1).setCellValue("@SUM(A1)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        List<RowResult> rows = renderer.rows(out.toByteArray(), TableInput.Format.XLSX);
        assertThat(rows.get(0).values()).containsEntry("studentId", "12345").containsEntry("studentName", "เด็กหญิงใจดี มีสุข");
        assertThat(rows.get(1).code()).isEqualTo(RenderInputException.Code.FORMULA_INJECTION);
        assertThat(rows.get(1).errors()).extracting(FieldError::field).containsExactly("studentId", "studentName");
    }

    static byte[] docxTemplate() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        // Word always writes a styles part; the converter needs one.
        doc.createStyles().setStyles(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.parse(
                "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"TH SarabunPSK\" w:hAnsi=\"TH SarabunPSK\" w:cs=\"TH SarabunPSK\"/>"
                        + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"));
        var section = doc.getDocument().getBody().addNewSectPr();
        var size = section.addNewPgSz();
        size.setW(java.math.BigInteger.valueOf(11906));
        size.setH(java.math.BigInteger.valueOf(16838));
        var margins = section.addNewPgMar();
        for (var side : List.<java.util.function.Consumer<java.math.BigInteger>>of(margins::setTop, margins::setBottom,
                margins::setLeft, margins::setRight)) {
            side.accept(java.math.BigInteger.valueOf(1440));
        }
        XWPFParagraph title = doc.createParagraph();
        title.createRun().setText("{{ti");
        var bold = title.createRun();
        bold.setBold(true);
        bold.setText("tle}}");
        XWPFParagraph name = doc.createParagraph();
        name.createRun().setText("ชื่อ {{student");
        name.createRun().setText("Name}} ปู่ ใหญ่");
        doc.createParagraph().createRun().setText("{{image:photo}}");
        doc.createParagraph().createRun().setText("{{qr}}");
        XWPFTable table = doc.createTable(2, 2);
        var grid = table.getCTTbl().addNewTblGrid();
        grid.addNewGridCol().setW(java.math.BigInteger.valueOf(2000));
        grid.addNewGridCol().setW(java.math.BigInteger.valueOf(6000));
        table.getRow(0).getCell(0).setText("รหัสวิชา");
        table.getRow(0).getCell(1).setText("รายวิชา");
        XWPFTableRow row = table.getRow(1);
        row.getCell(0).setText("{{courses.code}}");
        row.getCell(1).setText("{{courses.name}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        doc.close();
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
