package io.longnam.render;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static io.longnam.render.FieldType.DATE;
import static io.longnam.render.FieldType.IMAGE;
import static io.longnam.render.FieldType.NUMBER;
import static io.longnam.render.FieldType.QR;
import static io.longnam.render.FieldType.TEXT;
import static io.longnam.render.TemplateField.optional;
import static io.longnam.render.TemplateField.required;
import static io.longnam.render.ThaiPdfDocument.mm;

/** ปพ.1 ระเบียนแสดงผลการเรียน: the transcript, laid out after the OBEC printed form. */
public final class Pp1Template implements BuiltInTemplate {

    public static final String ID = "PP1";

    private static final TemplateDefinition DEFINITION = new TemplateDefinition(ID, "ปพ.1 ระเบียนแสดงผลการเรียน", 1, List.of(
            required("formSet", TEXT, "ชุดที่ (set number of the form)"),
            required("formNumber", TEXT, "เลขที่ (number of the form)"),
            optional("level", TEXT, "ระดับ, e.g. มัธยมศึกษาตอนต้น"),
            required("schoolName", TEXT, "ชื่อสถานศึกษา"),
            optional("affiliation", TEXT, "สังกัด (area office)"),
            optional("subdistrict", TEXT, "ตำบล/แขวง"),
            optional("district", TEXT, "อำเภอ/เขต"),
            optional("province", TEXT, "จังหวัด"),
            optional("admissionDate", DATE, "วันเข้าเรียน"),
            optional("previousSchool", TEXT, "สถานศึกษาเดิม"),
            optional("previousSchoolProvince", TEXT, "จังหวัดของสถานศึกษาเดิม"),
            optional("lastGrade", TEXT, "ชั้นเรียนสุดท้าย"),
            required("studentName", TEXT, "ชื่อ–ชื่อสกุล with title, e.g. เด็กหญิงใจดี มีสุข"),
            required("studentId", TEXT, "เลขประจำตัวนักเรียน"),
            required("nationalId", TEXT, "เลขประจำตัวประชาชน (13 digits, checksum verified)"),
            optional("gender", TEXT, "เพศ"),
            optional("nationality", TEXT, "สัญชาติ"),
            optional("religion", TEXT, "ศาสนา"),
            required("birthDate", DATE, "วัน เดือน ปีเกิด"),
            optional("fatherName", TEXT, "ชื่อ–ชื่อสกุลบิดา"),
            optional("motherName", TEXT, "ชื่อ–ชื่อสกุลมารดา"),
            optional("photo", IMAGE, "รูปถ่าย 3 × 4 cm, JPEG/PNG/GIF"),
            TemplateField.list("courses", true, "ผลการเรียนรายวิชา",
                    required("year", TEXT, "ปีการศึกษา (Buddhist era)"),
                    required("semester", TEXT, "ภาคเรียน"),
                    required("code", TEXT, "รหัสวิชา"),
                    required("name", TEXT, "รายวิชา"),
                    required("credits", NUMBER, "หน่วยกิต"),
                    required("grade", TEXT, "ผลการเรียน (0–4 or ร/มส/มผ/ผ)")),
            required("gpax", NUMBER, "ผลการเรียนเฉลี่ยตลอดหลักสูตร"),
            optional("readingResult", TEXT, "ผลการประเมินการอ่าน คิดวิเคราะห์ และเขียน"),
            optional("characteristicsResult", TEXT, "ผลการประเมินคุณลักษณะอันพึงประสงค์"),
            optional("activitiesResult", TEXT, "ผลการประเมินกิจกรรมพัฒนาผู้เรียน"),
            optional("graduationDate", DATE, "วันอนุมัติการจบ"),
            optional("leavingReason", TEXT, "สาเหตุการออก"),
            optional("leavingDate", DATE, "วันออก"),
            required("registrarName", TEXT, "ชื่อนายทะเบียน"),
            required("directorName", TEXT, "ชื่อผู้อำนวยการ"),
            optional("directorPosition", TEXT, "ตำแหน่งผู้ลงนาม, default ผู้อำนวยการ + school"),
            optional("issueDate", DATE, "วันที่ออกเอกสาร; defaults to today"),
            optional("verificationUrl", QR, "URL in the QR code; defaults to the render option")));

    private static final float SIZE = 12.5f;
    private static final float SMALL = 9.5f;

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
        ThaiPdfDocument d = new ThaiPdfDocument(mm(15), mm(15), mm(12), mm(12));
        float y = header(d, v);
        y = identity(d, v, y);
        y = courses(d, v, y);
        footer(d, v, y, qrUrl, today);
        return d.finish();
    }

    private float header(ThaiPdfDocument d, Values v) {
        float top = d.top();
        String variant = v.has("level") ? "ปพ.1 : " + v.text("level") : "ปพ.1";
        d.text(variant, d.left(), top - 12, SIZE, true, Element.ALIGN_LEFT);
        d.text("ชุดที่ " + v.text("formSet") + "   เลขที่ " + v.text("formNumber"), d.right(), top - 12, SIZE, false,
                Element.ALIGN_RIGHT);
        d.text("ระเบียนแสดงผลการเรียน", d.pageWidth() / 2, top - 30, 20, true, Element.ALIGN_CENTER);
        d.text("หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน" + (v.has("level") ? " ระดับ" + v.text("level") : ""),
                d.pageWidth() / 2, top - 47, SIZE + 1, true, Element.ALIGN_CENTER);
        return top - 56;
    }

    private float identity(ThaiPdfDocument d, Values v, float top) {
        float photoW = mm(30);
        float photoH = mm(40);
        float photoX = d.right() - photoW;
        float boxTop = top - 4;
        float gap = mm(3);
        float both = photoX - gap - d.left() - gap;
        float colW = both * 0.42f;
        float leftX = d.left();
        float rightX = leftX + colW + gap;
        String address = ThaiText.join(" ", ThaiText.prefixed("ตำบล", v.text("subdistrict")), ThaiText.prefixed("อำเภอ", v.text("district")),
                ThaiText.prefixed("จังหวัด", v.text("province")));
        List<Labelled> school = List.of(
                Labelled.text("ชื่อสถานศึกษา", v.text("schoolName")),
                Labelled.text("สังกัด", v.text("affiliation")),
                Labelled.text("ที่ตั้ง", address),
                Labelled.text("วันเข้าเรียน", v.thaiDate("admissionDate")),
                Labelled.text("สถานศึกษาเดิม", ThaiText.join(" จังหวัด", v.text("previousSchool"), v.text("previousSchoolProvince"))),
                Labelled.text("ชั้นเรียนสุดท้าย", v.text("lastGrade")));
        List<Labelled> student = List.of(
                Labelled.name("ชื่อ", v.text("studentName")),
                Labelled.text("เลขประจำตัวนักเรียน", v.text("studentId")),
                Labelled.text("เลขประจำตัวประชาชน", ThaiText.formatNationalId(v.text("nationalId"))),
                Labelled.text("เพศ", ThaiText.join("   สัญชาติ ", v.text("gender"), v.text("nationality"))
                        + (v.has("religion") ? "   ศาสนา " + v.text("religion") : "")),
                Labelled.text("วัน เดือน ปีเกิด", v.thaiDate("birthDate")),
                Labelled.name("ชื่อบิดา", v.text("fatherName")),
                Labelled.name("ชื่อมารดา", v.text("motherName")));
        float yLeft = labelledLines(d, school, leftX, boxTop, colW);
        float yRight = labelledLines(d, student, rightX, boxTop, both - colW);
        d.rect(photoX, boxTop - photoH, photoW, photoH, 0.6f);
        if (v.image("photo") != null) {
            d.image(PhotoImage.load("photo", v.image("photo")), photoX + 1, boxTop - photoH + 1, photoW - 2, photoH - 2);
        } else {
            d.text("รูปถ่าย", photoX + photoW / 2, boxTop - photoH / 2, SMALL, false, Element.ALIGN_CENTER);
        }
        float bottom = Math.min(Math.min(yLeft, yRight), boxTop - photoH) - 4;
        d.line(d.left(), bottom, d.right(), bottom, 0.8f);
        return bottom;
    }

    /** "label  value" lines over a dotted rule, as on the printed form; returns the y below the last line. */
    /** A row of the identity block; a personal name wraps only between its parts. */
    private record Labelled(String label, String value, boolean personName) {
        static Labelled text(String label, String value) {
            return new Labelled(label, value, false);
        }

        static Labelled name(String label, String value) {
            return new Labelled(label, value, true);
        }

        List<String> lines(float width) {
            return personName ? ThaiLineBreaker.wrapName(value, ThaiFonts.REGULAR, SIZE, width)
                    : ThaiLineBreaker.wrap(value, ThaiFonts.REGULAR, SIZE, width);
        }
    }

    private float labelledLines(ThaiPdfDocument d, List<Labelled> rows, float x, float top, float width) {
        float y = top - SIZE;
        float pitch = SIZE * ThaiPdfDocument.LEADING;
        for (Labelled row : rows) {
            float labelW = d.width(row.label(), SIZE, true) + 4;
            List<String> lines = row.lines(width - labelW);
            d.text(row.label(), x, y, SIZE, true, Element.ALIGN_LEFT);
            for (String line : lines) {
                d.dottedLine(x + labelW, x + width, y - 2);
                d.text(line, x + labelW + 2, y, SIZE, false, Element.ALIGN_LEFT);
                y -= pitch;
            }
        }
        return y + pitch - SIZE * 0.5f;
    }

    private float courses(ThaiPdfDocument d, Values v, float top) {
        float gap = mm(3);
        float colW = (d.contentWidth() - 2 * gap) / 3;
        PdfPTable table = courseTable(v.list("courses"), colW);
        ColumnText ct = new ColumnText(d.canvas());
        ct.addElement(table);
        float footerSpace = 215;
        float yTop = top - 4;
        int column = 0;
        while (true) {
            float x = d.left() + column * (colW + gap);
            ct.setSimpleColumn(x, d.bottom() + footerSpace, x + colW, yTop);
            int status = go(ct);
            if (!ColumnText.hasMoreText(status)) {
                return column == 0 ? ct.getYLine() : d.bottom() + footerSpace;
            }
            if (++column == 3) {
                d.newPage();
                column = 0;
                yTop = d.top();
            }
        }
    }

    private static int go(ColumnText ct) {
        try {
            return ct.go();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private PdfPTable courseTable(List<Values> courses, float width) {
        float[] widths = {width * 0.23f, width * 0.49f, width * 0.14f, width * 0.14f};
        PdfPTable table = ThaiPdfDocument.table(widths);
        String[] heads = {"รหัสวิชา", "รายวิชา", "หน่วยกิต", "ผลการเรียน"};
        for (int i = 0; i < heads.length; i++) {
            PdfPCell c = ThaiPdfDocument.fittedCell(heads[i], widths[i], SMALL, true, Element.ALIGN_CENTER);
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        table.setHeaderRows(1);
        String group = null;
        BigDecimal groupCredits = BigDecimal.ZERO;
        for (Values c : courses) {
            String g = "ปีการศึกษา " + c.text("year") + " ภาคเรียนที่ " + c.text("semester");
            if (!g.equals(group)) {
                group = g;
                PdfPCell head = ThaiPdfDocument.cell(g, width, SMALL, true, Element.ALIGN_LEFT);
                head.setColspan(4);
                table.addCell(head);
            }
            table.addCell(ThaiPdfDocument.cell(c.text("code"), widths[0], SMALL, false, Element.ALIGN_LEFT));
            table.addCell(ThaiPdfDocument.cell(c.text("name"), widths[1], SMALL, false, Element.ALIGN_LEFT));
            table.addCell(ThaiPdfDocument.cell(credits(c.number("credits")), widths[2], SMALL, false, Element.ALIGN_CENTER));
            table.addCell(ThaiPdfDocument.cell(c.text("grade"), widths[3], SMALL, false, Element.ALIGN_CENTER));
            groupCredits = groupCredits.add(c.number("credits"));
        }
        PdfPCell total = ThaiPdfDocument.cell("รวมหน่วยกิตทั้งหมด " + credits(groupCredits), width, SMALL, true,
                Element.ALIGN_RIGHT);
        total.setColspan(4);
        table.addCell(total);
        return table;
    }

    private static String credits(BigDecimal credits) {
        return credits.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private void footer(ThaiPdfDocument d, Values v, float courseBottom, String qrUrl, LocalDate today) {
        float y = d.ensureSpace(courseBottom - SIZE - 4, 200, SIZE);
        float pitch = SIZE * ThaiPdfDocument.LEADING;
        String gpax = v.number("gpax").setScale(2, RoundingMode.HALF_UP).toPlainString();
        d.text("ผลการเรียนเฉลี่ยตลอดหลักสูตร  " + gpax, d.left(), y, SIZE, true, Element.ALIGN_LEFT);
        y -= pitch;
        String[][] results = {
            {"ผลการประเมินการอ่าน คิดวิเคราะห์ และเขียน", v.text("readingResult")},
            {"ผลการประเมินคุณลักษณะอันพึงประสงค์", v.text("characteristicsResult")},
            {"ผลการประเมินกิจกรรมพัฒนาผู้เรียน", v.text("activitiesResult")},
            {"วันอนุมัติการจบ", v.thaiDate("graduationDate")},
            {"สาเหตุการออก", ThaiText.join("   วันออก ", v.text("leavingReason"), v.thaiDate("leavingDate"))}};
        for (String[] r : results) {
            d.text(r[0], d.left(), y, SIZE, false, Element.ALIGN_LEFT);
            d.text(r[1], d.left() + 215, y, SIZE, true, Element.ALIGN_LEFT);
            y -= pitch;
        }
        LocalDate issued = Objects.requireNonNullElse(v.date("issueDate"), today);
        d.text("ออกให้ ณ วันที่ " + ThaiText.formatDate(issued), d.left(), y, SIZE, false, Element.ALIGN_LEFT);
        float sigTop = y - 30;
        float colW = (d.contentWidth() - mm(30)) / 2;
        float x1 = d.left() + mm(30);
        float x2 = x1 + colW;
        signature(d, x1, colW, sigTop, v.text("registrarName"), "นายทะเบียน");
        String position = v.textOr("directorPosition", "ผู้อำนวยการ" + v.text("schoolName"));
        signature(d, x2, colW, sigTop, v.text("directorName"), position);
        // Above each dotted line, up to the issue date line.
        d.anchor("registrar", x1 + 30, sigTop - 2, colW - 38, 28);
        d.anchor("principal", x2 + 30, sigTop - 2, colW - 38, 28);
        String url = v.textOr("verificationUrl", qrUrl);
        if (url != null) {
            float side = mm(24);
            d.qr(url, d.left(), sigTop - side + 16, side);
            d.text("ตรวจสอบเอกสาร", d.left() + side / 2, sigTop - side + 4, 9, false, Element.ALIGN_CENTER);
        }
    }

    private void signature(ThaiPdfDocument d, float x, float width, float y, String name, String position) {
        float cx = x + width / 2;
        d.text("ลงชื่อ", x + 4, y, SIZE, false, Element.ALIGN_LEFT);
        d.dottedLine(x + 30, x + width - 8, y - 2);
        d.text("(" + name + ")", cx, y - 18, SIZE, false, Element.ALIGN_CENTER);
        for (String line : ThaiLineBreaker.wrap(position, ThaiFonts.REGULAR, SIZE, width - 10)) {
            y -= SIZE * ThaiPdfDocument.LEADING;
            d.text(line, cx, y - 18, SIZE, false, Element.ALIGN_CENTER);
        }
    }
}
