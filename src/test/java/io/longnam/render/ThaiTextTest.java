package io.longnam.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThaiTextTest {

    @Test
    void datesArePrintedInBuddhistEraWithThaiMonths() {
        assertThat(ThaiText.formatDate(LocalDate.of(2026, 11, 25))).isEqualTo("25 พฤศจิกายน 2569");
        assertThat(ThaiText.formatDateShort(LocalDate.of(2026, 11, 25))).isEqualTo("25 พ.ย. 2569");
        assertThat(ThaiText.thaiDigits(ThaiText.formatDate(LocalDate.of(2026, 3, 1)))).isEqualTo("๑ มีนาคม ๒๕๖๙");
        assertThat(ThaiText.arabicDigits("๐๑๒๓๔๕๖๗๘๙")).isEqualTo("0123456789");
    }

    @Test
    void nationalIdChecksumIsVerified() {
        assertThat(ThaiText.isValidNationalId("1101700203450")).isTrue();
        assertThat(ThaiText.isValidNationalId("1-1017-00203-45-0")).isTrue();
        assertThat(ThaiText.isValidNationalId("1101700203451")).isFalse();
        assertThat(ThaiText.isValidNationalId("110170020345")).isFalse();
        assertThat(ThaiText.formatNationalId("1101700203450")).isEqualTo("1-1017-00203-45-0");
    }

    @Test
    void thaiWordsAreFoundWithoutSpaces() {
        assertThat(ThaiText.words("ระเบียนแสดงผลการเรียน")).containsExactly("ระเบียน", "แสดง", "ผล", "การ", "เรียน");
    }

    @Test
    void everydayWordsAndLoanwordsAreNeverCutWhereTheJdkDictionaryCutsThem() {
        // The JDK's Thai dictionary gives มีค|วาม, เว็บไซ|ต์ and ออ|นไลน์ (bench/RESULTS-thai-breaks.md).
        String text = "นักเรียนมีความรู้สมัครเรียนออนไลน์ผ่านเว็บไซต์ของโรงเรียน";
        java.util.Set<Integer> breaks = new java.util.HashSet<>();
        int at = 0;
        for (String piece : ThaiText.words(text)) {
            at += piece.length();
            breaks.add(at);
        }
        for (String word : List.of("ความ", "ออนไลน์", "เว็บไซต์")) {
            int start = text.indexOf(word);
            for (int inside = start + 1; inside < start + word.length(); inside++) {
                assertThat(breaks).as(word).doesNotContain(inside);
            }
        }
    }

    @Test
    void lineBreakingNeverSplitsInsideAWord() {
        String text = "ระเบียนแสดงผลการเรียนของนักเรียนผู้ใหญ่บ้านใหญ่ ".repeat(12);
        for (float width : new float[] {60, 90, 150, 333}) {
            List<String> lines = ThaiLineBreaker.wrap(text, ThaiFonts.REGULAR, 16, width);
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
            for (int i = 0; i < lines.size() - 1; i++) {
                String joint = lines.get(i) + "|" + lines.get(i + 1);
                assertThat(joint).doesNotContain("กา|ร", "การเ|รียน", "เรีย|น", "ระเบีย|น", "ผู้ใ|หญ่", "ใหญ|่");
                assertThat(ThaiFonts.REGULAR.getWidthPoint(lines.get(i), 16)).isLessThanOrEqualTo(width);
            }
        }
        assertThat(ThaiLineBreaker.wrap("การเรียน", ThaiFonts.REGULAR, 16, 200)).containsExactly("การเรียน");
    }

    @Test
    void java2DLinesOfSealImagesEndOnlyWhereTheDocumentsTextMayBreak() throws Exception {
        // The seal and approval images are laid out by Java2D; its own breaker would cut มีค|วาม and เว็บไซ|ต์.
        String text = "นักเรียนมีความรู้สมัครเรียนออนไลน์ผ่านเว็บไซต์ของโรงเรียน".repeat(3);
        java.util.Set<Integer> allowed = new java.util.HashSet<>();
        int at = 0;
        for (String piece : ThaiText.words(text)) {
            at += piece.length();
            allowed.add(at);
        }
        java.awt.Font font;
        try (java.io.InputStream in = ThaiTextTest.class.getResourceAsStream("/render/fonts/Laksaman.ttf")) {
            font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(14f);
        }
        java.text.AttributedString attributed = new java.text.AttributedString(text);
        attributed.addAttribute(java.awt.font.TextAttribute.FONT, font);
        java.awt.font.LineBreakMeasurer measurer = new java.awt.font.LineBreakMeasurer(attributed.getIterator(),
                ThaiText.lineBreaksForJava2D(), new java.awt.font.FontRenderContext(null, true, true));
        List<Integer> ends = new java.util.ArrayList<>();
        while (measurer.getPosition() < text.length()) {
            measurer.nextLayout(70);
            ends.add(measurer.getPosition());
        }
        assertThat(ends).hasSizeGreaterThan(5).allSatisfy(end -> assertThat(allowed).contains(end));
    }

    @Test
    void personalNamesBreakOnlyBetweenTheirParts() {
        String first = "นายธนกฤต";
        String surname = "ศรีสุวรรณวงศ์";
        String name = first + " " + surname;
        // No dictionary knows names: ICU cuts this first name (ธนก|ฤต) where a line could then end.
        assertThat(ThaiText.words(first)).hasSizeGreaterThan(1);
        float onePart = Math.max(ThaiFonts.REGULAR.getWidthPoint(first, 16), ThaiFonts.REGULAR.getWidthPoint(surname, 16)) + 1;

        assertThat(ThaiLineBreaker.wrapName(name, ThaiFonts.REGULAR, 16, onePart)).containsExactly(first, surname);
        assertThat(ThaiLineBreaker.wrapName(name, ThaiFonts.REGULAR, 16, 400)).containsExactly(name);
        // A part wider than the line is cut between characters, never between a letter and its marks.
        List<String> cut = ThaiLineBreaker.wrapName(surname, ThaiFonts.REGULAR, 16, 25);
        assertThat(cut).hasSizeGreaterThan(1);
        assertThat(String.join("", cut)).isEqualTo(surname);
        assertThat(cut).allSatisfy(line -> assertThat(Character.getType(line.charAt(0)))
                .isNotEqualTo((int) Character.NON_SPACING_MARK));
    }
}
