package io.longnam.render;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInTemplatesTest {

    private final Renderer renderer = Samples.renderer();

    @Test
    void transcriptIsPdfA3uAndCarriesTheStudentsThaiData() throws Exception {
        RenderResult r = renderer.render(Pp1Template.ID, Samples.pp1(), Samples.options());
        Files.write(Path.of("target/pp1.pdf"), r.pdf());
        PdfChecks.assertPdfA3u(r.pdf());
        String text = PdfChecks.pdftotext(r.pdf());
        assertThat(text).contains("ระเบียนแสดงผลการเรียน", "เด็กหญิงใจดี มีสุข", "โรงเรียนบ้านใหญ่วิทยาคม",
                "นายผู้ใหญ่ บ้านใหญ่", "1-1017-00203-45-0", "14 กุมภาพันธ์ 2554", "25 พฤศจิกายน 2569",
                "ชุดที่ 0012", "เลขที่ 0345678", "การงานอาชีพ", "3.47");
    }

    @Test
    void validatorCatchesLayoutOutputThatLacksThePdfA3Structure() {
        Values values = renderer.validate(Pp2Template.ID, Samples.pp2());
        byte[] plain = new Pp2Template().render(values, null, java.time.LocalDate.of(2026, 11, 25));
        assertThat(PdfChecks.veraPdfFailures(plain, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_U)).isNotEmpty();
    }

    @Test
    void certificateIsPdfA3uWithThaiDigits() throws Exception {
        RenderResult r = renderer.render(Pp2Template.ID, Samples.pp2(), Samples.options());
        Files.write(Path.of("target/pp2.pdf"), r.pdf());
        PdfChecks.assertPdfA3u(r.pdf());
        assertThat(PdfChecks.pdftotext(r.pdf())).contains("ประกาศนียบัตร", "เด็กหญิงใจดี มีสุข",
                "มัธยมศึกษาปีที่ ๓", "๓๑ มีนาคม ๒๕๖๙", "ใหญ่");
        assertThat(r.pageCount()).isEqualTo(1);
    }

    @Test
    void letterIsPdfA3uAndFlowsOntoASecondPageWhenLong() throws Exception {
        RenderResult r = renderer.render(LetterTemplate.ID, Samples.letter(), Samples.options());
        Files.write(Path.of("target/letter.pdf"), r.pdf());
        PdfChecks.assertPdfA3u(r.pdf());
        assertThat(PdfChecks.pdftotext(r.pdf())).contains("ผู้ใหญ่บ้าน", "ขอแสดงความนับถือ", "25 พฤศจิกายน 2569",
                "ศธ 04007/123", "สิ่งที่ส่งมาด้วย", "(นายผู้ใหญ่ บ้านใหญ่)");
        var data = Samples.letter();
        data.put("body", (data.get("body") + "\n").repeat(6));
        RenderResult longer = renderer.render(LetterTemplate.ID, data, Samples.options());
        Files.write(Path.of("target/letter-long.pdf"), longer.pdf());
        assertThat(longer.pageCount()).isGreaterThan(1);
        PdfChecks.assertPdfA3u(longer.pdf());
        assertThat(PdfChecks.pdftotext(longer.pdf())).contains("- 2", "ขอแสดงความนับถือ");
    }
}
