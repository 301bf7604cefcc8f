package io.longnam.render;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docx written by LibreOffice (converted from a committed flat ODT in the test itself), with a header and footer,
 * an image, merged cells, a numbered list and tab stops, rendered through the API like any uploaded template.
 */
@QuarkusTest
class LibreOfficeDocxTest {

    @Test
    void docxWrittenByLibreOfficeRendersWithHeaderFooterImageMergedCellsListAndTabs() throws IOException {
        byte[] docx = LibreOffice.convert(resource("render/libreoffice-transcript.fodt"), "transcript.fodt", "docx");
        Tenant school = Api.school("โรงเรียนลิเบร");
        String data = "{\"school\":\"โรงเรียนบ้านใหญ่วิทยาคม\",\"studentName\":\"เด็กหญิงใจดี มีสุข\","
                + "\"studentId\":\"12345\",\"director\":\"นายสมชาย ใจกว้าง\"}";
        Response created = school.as()
                .multiPart("template", "transcript.docx", docx, TemplateResourceTest.DOCX)
                .multiPart("data", "data.json", data.getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/renders/files");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        byte[] pdf = school.as().get("/api/v1/documents/{id}/file", created.jsonPath().getString("id"))
                .then().statusCode(200).extract().asByteArray();

        PdfChecks.assertPdfA3u(pdf);
        String text = PdfChecks.pdftotext(pdf);
        assertThat(text).contains(
                "โรงเรียนบ้านใหญ่วิทยาคม สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่", // header, with its placeholder
                "เอกสารนี้ออกโดยระบบลงนามอิเล็กทรอนิกส์ของโรงเรียน", // footer
                "หนังสือรับรองผลการเรียน",
                "เด็กหญิงใจดี มีสุข", "เลขประจำตัว 12345",
                "รายวิชาพื้นฐานภาคเรียนที่หนึ่ง", "ผลการประเมิน", // merged cells
                "ภาษาไทยเพื่อการสื่อสาร", "คณิตศาสตร์พื้นฐาน",
                "กิจกรรมลูกเสือเนตรนารีและยุวกาชาด", "กิจกรรมเพื่อสังคมและสาธารณประโยชน์",
                "นายสมชาย ใจกว้าง")
                .doesNotContain("{{");
        assertThat(text).as("numbered list").containsPattern("(?m)^\\s*1\\.\\s*กิจกรรมลูกเสือ")
                .containsPattern("(?m)^\\s*3\\.\\s*กิจกรรมเพื่อสังคม");
        assertThat(PdfChecks.imageCount(pdf)).as("images in the PDF: the crest").isEqualTo(1);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LibreOfficeDocxTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
