package io.longnam.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Labels for report keys. Keys stay ISO and Gregorian (machine-readable, sortable); labels follow the language asked
 * for: Thai labels use Buddhist-era years (2026 → 2569) and Thai month abbreviations, as Thai official forms do.
 */
public final class ReportLabels {

    public static final int BUDDHIST_ERA_OFFSET = 543;
    static final String[] THAI_MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
            "ต.ค.", "พ.ย.", "ธ.ค."};
    static final String[] ENGLISH_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
            "Dec"};

    private static final Map<String, String> THAI_WORDS = Map.ofEntries(
            Map.entry("REGISTERED", "ลงทะเบียน"), Map.entry("PENDING_APPROVAL", "รออนุมัติ"),
            Map.entry("APPROVED", "อนุมัติแล้ว"), Map.entry("REJECTED", "ไม่อนุมัติ"), Map.entry("SEALED", "ประทับตราแล้ว"),
            Map.entry("SIGNED", "ลงนามแล้ว"), Map.entry("EXPIRED", "หมดอายุ"), Map.entry("DELETED", "ลบแล้ว"),
            Map.entry("PP1", "ปพ.1"), Map.entry("PP2", "ปพ.2"), Map.entry("LETTER", "หนังสือราชการ"),
            Map.entry("OTHER", "อื่น ๆ"), Map.entry("WEB_UPLOAD", "อัปโหลดผ่านเว็บ"), Map.entry("KEY_IN", "คีย์ข้อมูล"),
            Map.entry("BULK_JOB", "งานชุด"), Map.entry("STUDENT_REQUEST", "คำขอของนักเรียน"));

    private ReportLabels() {
    }

    public static String label(GroupBy groupBy, String key, boolean thai) {
        return switch (groupBy) {
            case DAY -> day(LocalDate.parse(key), thai);
            case MONTH -> month(YearMonth.parse(key), thai);
            case YEAR -> thai ? Integer.toString(Integer.parseInt(key) + BUDDHIST_ERA_OFFSET) : key;
            case ORGANIZATION -> key;
            default -> thai ? THAI_WORDS.getOrDefault(key, key) : key;
        };
    }

    public static String day(LocalDate d, boolean thai) {
        return thai ? d.getDayOfMonth() + " " + THAI_MONTHS[d.getMonthValue() - 1] + " " + (d.getYear() + BUDDHIST_ERA_OFFSET)
                : d.toString();
    }

    public static String month(YearMonth m, boolean thai) {
        return thai ? THAI_MONTHS[m.getMonthValue() - 1] + " " + (m.getYear() + BUDDHIST_ERA_OFFSET)
                : ENGLISH_MONTHS[m.getMonthValue() - 1] + " " + m.getYear();
    }
}
