package io.longnam.render;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static io.longnam.render.ThaiPdfDocument.mm;

/** Plain text files as A4 pages: Thai font, wrapped at word boundaries, paginated. */
final class TextDocument {

    /** Windows-874 is TIS-620 plus a few punctuation marks; Thai Windows programs write it. */
    private static final Charset TIS_620 = Charset.forName("x-windows-874");
    private static final float SIZE = 14f;

    private TextDocument() {
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM dropped), TIS-620 otherwise. */
    static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, TIS_620);
        }
    }

    static byte[] render(String text) {
        ThaiPdfDocument d = new ThaiPdfDocument(mm(25), mm(20), mm(20), mm(20));
        float pitch = SIZE * ThaiPdfDocument.LEADING;
        float y = d.top() - SIZE;
        for (String line : text.replace("\t", "    ").split("\\R", -1)) {
            if (line.isBlank()) {
                y = d.ensureSpace(y, 0, SIZE) - pitch;
                continue;
            }
            y = d.paragraph(line.stripTrailing(), d.left(), y, d.contentWidth(), SIZE, false, 0);
        }
        return d.finish();
    }
}
