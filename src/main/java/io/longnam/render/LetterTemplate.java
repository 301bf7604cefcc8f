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

/**
 * หนังสือภายนอก: the external official letter of the government correspondence regulation: A4, 3 cm left and
 * 2 cm right margins, 16 pt, date starting at the page centre, body paragraphs indented 2.5 cm.
 */
public final class LetterTemplate implements BuiltInTemplate {

    public static final String ID = "LETTER";

    private static final TemplateDefinition DEFINITION = new TemplateDefinition(ID, "หนังสือภายนอก", 1, List.of(
            required("referenceNumber", TEXT, "ที่, e.g. ศธ 04007/123"),
            required("agency", TEXT, "ส่วนราชการเจ้าของหนังสือ"),
            optional("address", TEXT, "ที่ตั้ง, lines separated by newlines"),
            optional("date", DATE, "วัน เดือน ปี; defaults to today"),
            required("subject", TEXT, "เรื่อง"),
            required("addressee", TEXT, "เรียน"),
            optional("reference", TEXT, "อ้างถึง"),
            optional("enclosures", TEXT, "สิ่งที่ส่งมาด้วย, one per line"),
            required("body", TEXT, "ข้อความ, paragraphs separated by newlines"),
            optional("closing", TEXT, "คำลงท้าย, default ขอแสดงความนับถือ"),
            required("signerName", TEXT, "ชื่อผู้ลงนาม"),
            required("signerPosition", TEXT, "ตำแหน่ง, lines separated by newlines"),
            optional("contactUnit", TEXT, "ส่วนราชการเจ้าของเรื่อง"),
            optional("phone", TEXT, "โทร."),
            optional("fax", TEXT, "โทรสาร"),
            optional("email", TEXT, "ไปรษณีย์อิเล็กทรอนิกส์"),
            optional("emblem", IMAGE, "ตราครุฑ printed at top centre"),
            optional("useThaiDigits", TEXT, "yes to print numbers in Thai digits"),
            optional("verificationUrl", QR, "URL in the QR code")));

    private static final float SIZE = 16f;
    private static final float PITCH = SIZE * ThaiPdfDocument.LEADING;

    @Override
    public TemplateDefinition definition() {
        return DEFINITION;
    }

    @Override
    public byte[] render(Values v, String qrUrl, LocalDate today) {
        boolean thaiDigits = "yes".equalsIgnoreCase(v.text("useThaiDigits"));
        ThaiPdfDocument d = new ThaiPdfDocument(mm(30), mm(20), mm(15), mm(20));
        float cx = d.pageWidth() / 2;
        d.onNewPage(page -> d.text(digits("- " + page + " -", thaiDigits), cx, d.pageHeight() - mm(10), SIZE, false,
                Element.ALIGN_CENTER));
        float top = d.top();
        if (v.image("emblem") != null) {
            d.image(PhotoImage.load("emblem", v.image("emblem")), cx - mm(15), top - mm(30), mm(30), mm(30));
        }
        float y = top - mm(30) - SIZE;
        d.text(digits("ที่ " + v.text("referenceNumber"), thaiDigits), d.left(), y, SIZE, false, Element.ALIGN_LEFT);
        float addrX = d.pageWidth() - mm(20) - mm(70);
        float ay = y;
        for (String line : (v.text("agency") + (v.has("address") ? "\n" + v.text("address") : "")).split("\n")) {
            for (String wrapped : ThaiLineBreaker.wrap(digits(line.trim(), thaiDigits), ThaiFonts.REGULAR, SIZE, mm(70))) {
                d.text(wrapped, addrX, ay, SIZE, false, Element.ALIGN_LEFT);
                ay -= PITCH;
            }
        }
        y = Math.min(y, ay + PITCH) - PITCH - 4;
        LocalDate date = Objects.requireNonNullElse(v.date("date"), today);
        d.text(digits(ThaiText.formatDate(date), thaiDigits), cx, y, SIZE, false, Element.ALIGN_LEFT);
        y -= PITCH + 4;
        y = labelled(d, "เรื่อง", v.text("subject"), y, thaiDigits);
        y = labelled(d, "เรียน", v.text("addressee"), y, thaiDigits);
        if (v.has("reference")) {
            y = labelled(d, "อ้างถึง", v.text("reference"), y, thaiDigits);
        }
        if (v.has("enclosures")) {
            y = labelled(d, "สิ่งที่ส่งมาด้วย", v.text("enclosures"), y, thaiDigits);
        }
        y -= 4;
        for (String paragraph : v.text("body").split("\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            y = d.paragraph(digits(paragraph.trim(), thaiDigits), d.left(), y, d.contentWidth(), SIZE, false, mm(25));
            y -= 4;
        }
        y = d.ensureSpace(y - PITCH, PITCH * 6, SIZE);
        String closing = v.has("closing") ? v.text("closing") : "ขอแสดงความนับถือ";
        d.text(closing, cx, y, SIZE, false, Element.ALIGN_LEFT);
        float nameY = y - PITCH * 4;
        float signCentre = cx + d.width(closing, SIZE, false) / 2;
        d.text("(" + v.text("signerName") + ")", signCentre, nameY, SIZE, false, Element.ALIGN_CENTER);
        // The three empty lines between the closing and the name are where the signature goes.
        d.anchor("signer", signCentre - 80, nameY + SIZE, 160, PITCH * 3 - SIZE - 4);
        float py = nameY - PITCH;
        for (String line : v.text("signerPosition").split("\n")) {
            d.text(digits(line.trim(), thaiDigits), signCentre, py, SIZE, false, Element.ALIGN_CENTER);
            py -= PITCH;
        }
        contact(d, v, py - PITCH, thaiDigits);
        String url = v.textOr("verificationUrl", qrUrl);
        if (url != null) {
            float side = mm(18);
            d.qr(url, d.right() - side, d.bottom() - mm(8), side);
        }
        return d.finish();
    }

    /** Contact lines sit at the bottom left of the last page, as the regulation places them. */
    private void contact(ThaiPdfDocument d, Values v, float below, boolean thaiDigits) {
        String[] lines = {
            v.text("contactUnit"),
            ThaiText.prefixed("โทร. ", v.text("phone")),
            ThaiText.prefixed("โทรสาร ", v.text("fax")),
            ThaiText.prefixed("ไปรษณีย์อิเล็กทรอนิกส์ ", v.text("email"))};
        List<String> present = java.util.Arrays.stream(lines).filter(s -> !s.isEmpty()).toList();
        if (present.isEmpty()) {
            return;
        }
        float y = d.ensureSpace(below, PITCH * present.size(), SIZE);
        y = Math.min(y, d.bottom() + PITCH * (present.size() - 1));
        for (String line : present) {
            d.text(digits(line, thaiDigits), d.left(), y, SIZE, false, Element.ALIGN_LEFT);
            y -= PITCH;
        }
    }

    private static float labelled(ThaiPdfDocument d, String label, String value, float y, boolean thaiDigits) {
        float indent = d.width(label, SIZE, true) + 12;
        List<String> lines = ThaiLineBreaker.wrap(digits(value, thaiDigits), ThaiFonts.REGULAR, SIZE, d.contentWidth() - indent);
        d.text(label, d.left(), y, SIZE, true, Element.ALIGN_LEFT);
        for (String line : lines) {
            y = d.ensureSpace(y, 0, SIZE);
            d.text(line, d.left() + indent, y, SIZE, false, Element.ALIGN_LEFT);
            y -= PITCH;
        }
        return y;
    }

    private static String digits(String s, boolean thai) {
        return thai ? ThaiText.thaiDigits(s) : s;
    }
}
