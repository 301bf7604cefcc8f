package io.longnam.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thai in docx templates breaks where the dictionary puts word boundaries, like LibreOffice and Word do, and a
 * line takes every word that fits. Each sentence sits alone in a one-cell table so the extracted lines map back to it.
 */
class DocxThaiLineBreakTest {

    private static final List<String> CORPUS = List.of(
            "ภาษาไทยเพื่อการสื่อสาร",
            "หน่วยกิต",
            "ผลการเรียนรายวิชาภาษาไทยเพื่อการสื่อสารและการศึกษาค้นคว้าด้วยตนเอง",
            "ผู้ใหญ่บ้านได้ประชุมชาวบ้านเพื่อชี้แจงเรื่องการจัดการน้ำในฤดูแล้งและการเตรียมความพร้อมสำหรับฤดูฝนที่จะมาถึง",
            "นักเรียนที่ผ่านเกณฑ์การประเมินคุณลักษณะอันพึงประสงค์ของสถานศึกษา ได้รับการรับรองผลการเรียนตามหลักสูตร",
            "โรงเรียนขอแจ้งให้ผู้ปกครองทราบว่า กำหนดการสอบปลายภาคเรียนที่สองจะเริ่มในวันจันทร์",
            "กิจกรรมพัฒนาผู้เรียน ลูกเสือเนตรนารี ชุมนุมวิทยาศาสตร์ และกิจกรรมเพื่อสังคมและสาธารณประโยชน์",
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่เขตหนึ่ง");

    private static final int FOUR_COLUMN_TWIPS = 2256;
    private static final List<Integer> WIDTHS_TWIPS = List.of(1440, FOUR_COLUMN_TWIPS, 6000, 9026);
    private static final int CELL_SIDE_MARGINS_TWIPS = 2 * 108;
    private static final float FONT_SIZE = 16;

    @Test
    void thaiInNarrowAndWideCellsBreaksOnlyAtWordBoundaries() throws Exception {
        for (int width : WIDTHS_TWIPS) {
            float available = (width - CELL_SIDE_MARGINS_TWIPS) / 20f;
            List<String> lines = renderedLines(CORPUS, width);
            for (String sentence : CORPUS) {
                for (int breakAt : breaks(sentence, lines)) {
                    assertThat(isLineBreakOpportunity(sentence, breakAt) || insideWordWiderThan(available, sentence, breakAt))
                            .as("line break at %d in «%s» in a %d-twip cell: «%s|%s»", breakAt, sentence, width,
                                    sentence.substring(0, breakAt), sentence.substring(breakAt))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aLineTakesTheNextWordWhenItFits() throws Exception {
        for (int width : WIDTHS_TWIPS) {
            float available = (width - CELL_SIDE_MARGINS_TWIPS) / 20f;
            List<String> lines = renderedLines(CORPUS, width);
            for (String sentence : CORPUS) {
                int lineStart = 0;
                for (int breakAt : breaks(sentence, lines)) {
                    String withNextWord = sentence.substring(lineStart, nextOpportunity(sentence, breakAt)).strip();
                    assertThat(ThaiFonts.REGULAR.getWidthPoint(withNextWord, FONT_SIZE))
                            .as("«%s» would have fitted in %.0f pt", withNextWord, available)
                            .isGreaterThan(available - 1);
                    lineStart = breakAt;
                }
            }
        }
    }

    @Test
    void aWordWiderThanItsCellBreaksBetweenLettersNeverBeforeTheirMarks() throws Exception {
        List<String> words = List.of("ผู้ใหญ่บ้านใหญ่", "สำนักงานเขตพื้นที่", "กระทรวงศึกษาธิการ");
        List<String> lines = renderedLines(words, 900);
        for (String word : words) {
            List<Integer> breaks = breaks(word, lines);
            assertThat(breaks).as("«%s» in a 900-twip cell", word).isNotEmpty();
            BreakIterator clusters = BreakIterator.getCharacterInstance(ThaiText.THAI);
            clusters.setText(word);
            for (int breakAt : breaks) {
                assertThat(clusters.isBoundary(breakAt)).as("«%s|%s»", word.substring(0, breakAt), word.substring(breakAt))
                        .isTrue();
                assertThat(Character.getType(word.charAt(breakAt))).as("«%s|%s»", word.substring(0, breakAt),
                        word.substring(breakAt)).isNotEqualTo((int) Character.NON_SPACING_MARK);
            }
        }
    }

    /** A new line may start after a space or at a dictionary line-break opportunity. */
    private static boolean isLineBreakOpportunity(String sentence, int at) {
        if (Character.isWhitespace(sentence.charAt(at - 1)) || Character.isWhitespace(sentence.charAt(at))) {
            return true;
        }
        com.ibm.icu.text.BreakIterator lines = ThaiText.lineBreaks();
        lines.setText(sentence);
        return lines.isBoundary(at);
    }

    /** The fallback for a word that fits no line: between letters, never before a mark. */
    private static boolean insideWordWiderThan(float available, String sentence, int at) {
        com.ibm.icu.text.BreakIterator lines = ThaiText.lineBreaks();
        lines.setText(sentence);
        String word = sentence.substring(lines.preceding(at), lines.following(at));
        BreakIterator clusters = BreakIterator.getCharacterInstance(ThaiText.THAI);
        clusters.setText(sentence);
        // The layout's usable width is a fraction of a point under the twips arithmetic, as in aLineTakesTheNextWordWhenItFits.
        return ThaiFonts.REGULAR.getWidthPoint(word.strip(), FONT_SIZE) > available - 1 && clusters.isBoundary(at)
                && Character.getType(sentence.charAt(at)) != Character.NON_SPACING_MARK;
    }

    private static int nextOpportunity(String sentence, int from) {
        com.ibm.icu.text.BreakIterator lines = ThaiText.lineBreaks();
        lines.setText(sentence);
        int next = lines.following(from);
        return next == com.ibm.icu.text.BreakIterator.DONE ? sentence.length() : next;
    }

    /**
     * Where {@code sentence} was broken, as offsets into it, taking its lines off the front of {@code lines} (the
     * extracted lines of all sentences in order).
     */
    private static List<Integer> breaks(String sentence, List<String> lines) {
        List<Integer> breaks = new ArrayList<>();
        int at = 0;
        while (true) {
            while (at < sentence.length() && Character.isWhitespace(sentence.charAt(at))) {
                at++;
            }
            if (at == sentence.length()) {
                return breaks;
            }
            if (at > 0) {
                breaks.add(at);
            }
            String line = lines.removeFirst();
            assertThat(sentence.startsWith(line, at)).as("extracted line «%s» continues «%s» at %d", line, sentence, at)
                    .isTrue();
            at += line.length();
        }
    }

    private static List<String> renderedLines(List<String> sentences, int cellWidthTwips) throws IOException {
        byte[] pdf = Samples.renderer().renderDocx(docx(sentences, cellWidthTwips), Map.of(), Samples.options()).pdf();
        Files.write(Path.of("target/thai-breaks-" + cellWidthTwips + ".pdf"), pdf);
        List<String> lines = new ArrayList<>();
        for (String line : PdfChecks.pdftotext(pdf).split("\n")) {
            String text = line.replace("\f", "").strip();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }

    private static byte[] docx(List<String> sentences, int cellWidthTwips) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String sentence : sentences) {
                XWPFTable table = doc.createTable(1, 1);
                table.getCTTbl().addNewTblGrid().addNewGridCol().setW(BigInteger.valueOf(cellWidthTwips));
                table.getRow(0).getCell(0).setText(sentence);
                doc.createParagraph();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}
