package io.longnam.render;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Thai text conventions used on official documents: word breaks, Thai digits, Buddhist-era dates, national ids. */
public final class ThaiText {

    public static final Locale THAI = Locale.forLanguageTag("th-TH");
    private static final ULocale THAI_ICU = ULocale.forLocale(THAI);

    private static final String[] MONTHS = {
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
    };
    private static final String[] MONTHS_ABBREVIATED = {
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
    };
    private static final int BUDDHIST_ERA_OFFSET = 543;

    private ThaiText() {
    }

    /**
     * Splits text at its line-break opportunities: each piece is a word with the spaces or punctuation that stay with
     * it. ICU's Thai dictionary decides inside Thai runs; on a hand-segmented corpus it breaks inside 8 words where
     * the JDK's breaks inside 22 (มีค|วาม, เว็บไซ|ต์; bench/RESULTS-thai-breaks.md).
     */
    public static List<String> words(String text) {
        BreakIterator it = lineBreaks();
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    /** A new iterator over Thai line-break opportunities (iterators keep state: one per caller and thread). */
    public static BreakIterator lineBreaks() {
        return BreakIterator.getLineInstance(THAI_ICU);
    }

    /**
     * {@link #lineBreaks()} as a {@code java.text.BreakIterator}, for Java2D's {@code LineBreakMeasurer} (seal and
     * approval images), so text drawn there breaks where the documents' text does.
     */
    public static java.text.BreakIterator lineBreaksForJava2D() {
        return new Java2DBreaks(lineBreaks());
    }

    /** ICU's iterator behind the JDK's interface; the two declare the same operations with the same meaning. */
    private static final class Java2DBreaks extends java.text.BreakIterator {
        private final BreakIterator icu;

        Java2DBreaks(BreakIterator icu) {
            this.icu = icu;
        }

        @Override
        public int first() {
            return icu.first();
        }

        @Override
        public int last() {
            return icu.last();
        }

        @Override
        public int next(int n) {
            return icu.next(n);
        }

        @Override
        public int next() {
            return icu.next();
        }

        @Override
        public int previous() {
            return icu.previous();
        }

        @Override
        public int following(int offset) {
            return icu.following(offset);
        }

        @Override
        public int preceding(int offset) {
            return icu.preceding(offset);
        }

        @Override
        public boolean isBoundary(int offset) {
            return icu.isBoundary(offset);
        }

        @Override
        public int current() {
            return icu.current();
        }

        @Override
        public java.text.CharacterIterator getText() {
            return icu.getText();
        }

        @Override
        public void setText(java.text.CharacterIterator text) {
            icu.setText(text);
        }

        @Override
        public Object clone() {
            return new Java2DBreaks((BreakIterator) icu.clone());
        }
    }

    /** Replaces ASCII digits with Thai digits (๐-๙); other characters are unchanged. */
    public static String thaiDigits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
        }
        return sb.toString();
    }

    /** Replaces Thai digits with ASCII digits. */
    public static String arabicDigits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
        }
        return sb.toString();
    }

    public static int buddhistYear(int gregorianYear) {
        return gregorianYear + BUDDHIST_ERA_OFFSET;
    }

    /** "25 พฤศจิกายน 2569": the full form used in letters and on certificates. */
    public static String formatDate(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + buddhistYear(date.getYear());
    }

    /** "25 พ.ย. 2569": the abbreviated form used in tables. */
    public static String formatDateShort(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS_ABBREVIATED[date.getMonthValue() - 1] + " "
                + buddhistYear(date.getYear());
    }

    /** Thai national id: 13 digits, the last one a mod-11 checksum of the first twelve. Dashes/spaces allowed. */
    public static boolean isValidNationalId(String id) {
        if (id == null) {
            return false;
        }
        String digits = arabicDigits(id).replace("-", "").replace(" ", "");
        if (!digits.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10 == digits.charAt(12) - '0';
    }

    /** "1-2345-67890-12-1", the grouping printed on Thai forms. */
    public static String formatNationalId(String id) {
        String d = arabicDigits(id).replace("-", "").replace(" ", "");
        if (d.length() != 13) {
            return id;
        }
        return d.charAt(0) + "-" + d.substring(1, 5) + "-" + d.substring(5, 10) + "-" + d.substring(10, 12) + "-"
                + d.charAt(12);
    }

    /** {@code prefix + value}, or nothing when there is no value (form lines such as "ตำบล …"). */
    public static String prefixed(String prefix, String value) {
        return value.isEmpty() ? "" : prefix + value;
    }

    /** The non-empty parts joined by {@code separator}. */
    public static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                present.add(p);
            }
        }
        return String.join(separator, present);
    }
}
