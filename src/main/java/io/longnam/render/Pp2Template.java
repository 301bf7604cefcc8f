package io.longnam.render;

import com.lowagie.text.Element;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static io.longnam.render.FieldType.DATE;
import static io.longnam.render.FieldType.IMAGE;
import static io.longnam.render.FieldType.QR;
import static io.longnam.render.FieldType.TEXT;
import static io.longnam.render.TemplateField.optional;
import static io.longnam.render.TemplateField.required;
import static io.longnam.render.ThaiPdfDocument.mm;

/** ปพ.2 ประกาศนียบัตร: the completion certificate, numbers printed in Thai digits as on the official form. */
public final class Pp2Template implements BuiltInTemplate {

    public static final String ID = "PP2";

    private static final TemplateDefinition DEFINITION = new TemplateDefinition(ID, "ปพ.2 ประกาศนียบัตร", 1, List.of(
            optional("formSet", TEXT, "ชุดที่"),
            required("certificateNumber", TEXT, "เลขที่ประกาศนียบัตร"),
            required("schoolName", TEXT, "ชื่อสถานศึกษา"),
            optional("affiliation", TEXT, "สังกัด"),
            required("level", TEXT, "ชั้นที่สำเร็จ, e.g. มัธยมศึกษาปีที่ 3"),
            required("studentName", TEXT, "ชื่อ–ชื่อสกุล with title"),
            required("studentId", TEXT, "เลขประจำตัวนักเรียน"),
            required("nationalId", TEXT, "เลขประจำตัวประชาชน"),
            required("birthDate", DATE, "วัน เดือน ปีเกิด"),
            optional("photo", IMAGE, "รูปถ่าย"),
            optional("emblem", IMAGE, "ตราสัญลักษณ์ printed at the top"),
            required("directorName", TEXT, "ชื่อผู้อำนวยการ"),
            optional("directorPosition", TEXT, "ตำแหน่ง, default ผู้อำนวยการ + school"),
            optional("issueDate", DATE, "วันที่ให้ไว้; defaults to today"),
            optional("verificationUrl", QR, "URL in the QR code")));

    @Override
    public TemplateDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<FieldError> check(Values v) {
        return BuiltInTemplate.nationalIdChecksum(v);
    }

    @Override
    public byte[] render(Values v, String qrUrl, LocalDate today) {
        ThaiPdfDocument d = new ThaiPdfDocument(mm(20), mm(20), mm(20), mm(20));
        float cx = d.pageWidth() / 2;
        d.rect(mm(10), mm(10), d.pageWidth() - mm(20), d.pageHeight() - mm(20), 2f);
        d.rect(mm(12), mm(12), d.pageWidth() - mm(24), d.pageHeight() - mm(24), 0.6f);
        float top = d.top();
        String control = (v.has("formSet") ? "ชุดที่ " + v.text("formSet") + "   " : "") + "เลขที่ "
                + v.text("certificateNumber");
        d.text(ThaiText.thaiDigits("ปพ.2"), d.left(), top - 6, 14, true, Element.ALIGN_LEFT);
        d.text(ThaiText.thaiDigits(control), d.right(), top - 6, 14, false, Element.ALIGN_RIGHT);
        if (v.image("emblem") != null) {
            d.image(PhotoImage.load("emblem", v.image("emblem")), cx - mm(15), top - mm(38), mm(30), mm(30));
        }
        float y = top - mm(52);
        d.text(v.text("schoolName"), cx, y, 22, true, Element.ALIGN_CENTER);
        y -= 24;
        if (v.has("affiliation")) {
            d.text(v.text("affiliation"), cx, y, 16, false, Element.ALIGN_CENTER);
            y -= 40;
        }
        d.text("ประกาศนียบัตร", cx, y, 34, true, Element.ALIGN_CENTER);
        y -= 44;
        d.text("ให้ไว้เพื่อแสดงว่า", cx, y, 18, false, Element.ALIGN_CENTER);
        y -= 34;
        d.text(v.text("studentName"), cx, y, 26, true, Element.ALIGN_CENTER);
        y -= 28;
        d.text(ThaiText.thaiDigits("เลขประจำตัวนักเรียน " + v.text("studentId")), cx, y, 16, false, Element.ALIGN_CENTER);
        y -= 22;
        d.text(ThaiText.thaiDigits("เลขประจำตัวประชาชน " + ThaiText.formatNationalId(v.text("nationalId"))), cx, y, 16,
                false, Element.ALIGN_CENTER);
        y -= 22;
        d.text(ThaiText.thaiDigits("เกิดวันที่ " + v.thaiDate("birthDate")), cx, y, 16, false, Element.ALIGN_CENTER);
        y -= 34;
        String body = "ได้สำเร็จการศึกษาตามหลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน ชั้น" + v.text("level")
                + " จากสถานศึกษานี้ ครบถ้วนตามเกณฑ์การจบหลักสูตรทุกประการ";
        for (String line : ThaiLineBreaker.wrap(ThaiText.thaiDigits(body), ThaiFonts.REGULAR, 18, d.contentWidth() - mm(20))) {
            d.text(line, cx, y, 18, false, Element.ALIGN_CENTER);
            y -= 18 * ThaiPdfDocument.LEADING;
        }
        y -= 16;
        LocalDate issued = Objects.requireNonNullElse(v.date("issueDate"), today);
        d.text(ThaiText.thaiDigits("ให้ไว้ ณ วันที่ " + ThaiText.formatDate(issued)), cx, y, 18, false, Element.ALIGN_CENTER);

        float photoW = mm(30);
        float photoH = mm(40);
        float photoY = d.bottom() + mm(18);
        d.rect(d.left() + mm(6), photoY, photoW, photoH, 0.6f);
        if (v.image("photo") != null) {
            d.image(PhotoImage.load("photo", v.image("photo")), d.left() + mm(6) + 1, photoY + 1, photoW - 2, photoH - 2);
        }
        float sx = cx + mm(40);
        float sy = photoY + mm(22);
        d.dottedLine(sx - mm(40), sx + mm(40), sy);
        d.anchor("principal", sx - mm(40), sy + 2, mm(80), mm(20));
        d.text("(" + v.text("directorName") + ")", sx, sy - 20, 16, false, Element.ALIGN_CENTER);
        String position = v.textOr("directorPosition", "ผู้อำนวยการ" + v.text("schoolName"));
        float py = sy - 38;
        for (String line : ThaiLineBreaker.wrap(position, ThaiFonts.REGULAR, 16, mm(90))) {
            d.text(line, sx, py, 16, false, Element.ALIGN_CENTER);
            py -= 16 * ThaiPdfDocument.LEADING;
        }
        String url = v.textOr("verificationUrl", qrUrl);
        if (url != null) {
            float side = mm(20);
            d.qr(url, d.right() - side, d.bottom() - mm(4), side);
        }
        return d.finish();
    }
}
