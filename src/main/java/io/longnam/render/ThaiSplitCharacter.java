package io.longnam.render;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

import com.ibm.icu.text.BreakIterator;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Lets OpenPDF break a line inside a run of Thai letters where the dictionary puts a word boundary, besides the
 * spaces and hyphens it breaks at by itself. OpenPDF would otherwise break a Thai run wherever the line is full
 * (ภาษาไทยเพื่อกา|รสื่อสาร) or at the last space, leaving the line short. An invisible break character was not an
 * option: OpenPDF's line layout skips U+200B before it asks for split characters, and any other one would end up in
 * the text that search and copy see.
 *
 * <p>Not thread-safe (it keeps the last run's boundaries and its own {@link BreakIterator}): one instance per
 * converted document.
 */
final class ThaiSplitCharacter implements SplitCharacter {

    private final BreakIterator lines = ThaiText.lineBreaks();
    private char[] run = new char[0];
    private final BitSet breaks = new BitSet();

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck)) {
            return true;
        }
        // A split character ends its line, so the question is whether a line may break after this character.
        int next = current + 1;
        if (next >= end || !isThai(cc[current]) || !isThai(cc[next])) {
            return false;
        }
        int from = current;
        while (from > 0 && isThai(cc[from - 1])) {
            from--;
        }
        int to = next;
        while (to < end && isThai(cc[to])) {
            to++;
        }
        // The layout asks once per character and reuses its arrays between paragraphs, so runs are compared by content.
        if (!Arrays.equals(run, 0, run.length, cc, from, to)) {
            findBreaks(Arrays.copyOfRange(cc, from, to));
        }
        return breaks.get(next - from);
    }

    private void findBreaks(char[] thaiRun) {
        run = thaiRun;
        breaks.clear();
        lines.setText(new String(thaiRun));
        for (int b = lines.first(); b != BreakIterator.DONE; b = lines.next()) {
            breaks.set(b);
        }
    }

    static boolean isThai(char c) {
        return c >= '\u0E00' && c <= '\u0E7F';
    }
}
