package io.longnam.render;

import com.lowagie.text.pdf.BaseFont;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy line breaking at Thai word boundaries. OpenPDF only breaks at spaces and would cut Thai words
 * (การเ|รียน), so text is wrapped here, before OpenPDF sees it, and handed over one line at a time.
 * Breaking here instead of inserting U+200B keeps the text that search and copy see free of invisible characters.
 */
public final class ThaiLineBreaker {

    /** A run of non-spaces with the spaces after it, or leading spaces. */
    private static final Pattern PIECE = Pattern.compile("\\S+\\s*|\\s+");

    private ThaiLineBreaker() {
    }

    /** Lines of {@code text} that each fit in {@code width} points; explicit newlines are kept. */
    public static List<String> wrap(String text, BaseFont font, float size, float width) {
        return wrap(text, font, size, width, 0);
    }

    /** As {@link #wrap(String, BaseFont, float, float)}, the first line of each paragraph indented by {@code indent}. */
    public static List<String> wrap(String text, BaseFont font, float size, float width, float indent) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r\n|\n|\r", -1)) {
            wrapParagraph(paragraph, font, size, width, indent, lines);
        }
        return lines;
    }

    /**
     * Lines of a personal name: breaks only between its parts (title and first name, surname), since no dictionary
     * knows names and both cut some (ธนก|ฤต); a part wider than the line is cut between characters.
     */
    public static List<String> wrapName(String name, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        wrapPieces(spaceSeparated(name.strip()), font, size, width, 0, lines);
        return lines;
    }

    private static void wrapParagraph(String paragraph, BaseFont font, float size, float fullWidth, float indent,
            List<String> out) {
        wrapPieces(ThaiText.words(paragraph), font, size, fullWidth, indent, out);
    }

    /** Each run of non-spaces with the spaces after it, as {@link ThaiText#words} gives its pieces. */
    private static List<String> spaceSeparated(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    private static void wrapPieces(List<String> pieces, BaseFont font, float size, float fullWidth, float indent,
            List<String> out) {
        int firstLine = out.size();
        StringBuilder line = new StringBuilder();
        for (String word : pieces) {
            float width = out.size() == firstLine ? fullWidth - indent : fullWidth;
            if (word.isBlank() && line.isEmpty()) {
                continue;
            }
            // A piece carries the spaces after it; they may hang past the margin.
            if (font.getWidthPoint((line + word).stripTrailing(), size) <= width) {
                line.append(word);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (word.isBlank()) {
                continue;
            }
            if (font.getWidthPoint(word.stripTrailing(), size) <= width) {
                line.append(word);
            } else {
                line.append(breakLongWord(word, font, size, width, out));
            }
        }
        out.add(line.toString().stripTrailing());
    }

    /** A word wider than the line (a URL, a long code) is cut between characters, never between a letter and its marks. */
    private static String breakLongWord(String word, BaseFont font, float size, float width, List<String> out) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(ThaiText.THAI);
        clusters.setText(word);
        StringBuilder part = new StringBuilder();
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            String cluster = word.substring(start, end);
            if (!part.isEmpty() && font.getWidthPoint(part + cluster, size) > width) {
                out.add(part.toString());
                part.setLength(0);
            }
            part.append(cluster);
        }
        return part.toString();
    }
}
