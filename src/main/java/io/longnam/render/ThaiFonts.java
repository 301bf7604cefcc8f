package io.longnam.render;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embedded Thai fonts and the one-time switch-on of OpenPDF's glyph layout.
 *
 * <p>OpenPDF 2.0.x only offers glyph layout (the JDK's {@code Font.layoutGlyphVector}, which places Thai
 * tone marks and vowels correctly) as a JVM-global {@link LayoutProcessor}. It is enabled exactly once in
 * this class initialiser (the JVM serialises class initialisation, so concurrent first renders are safe),
 * and every font is loaded here once: the processor keeps an AWT font per {@link BaseFont} instance, so
 * creating fonts per render would grow that map and re-parse TTFs. The shared {@link BaseFont}s are only
 * read afterwards; each document keeps its own glyph subset in its writer. Nothing may call
 * {@link LayoutProcessor#disable()} in this JVM.
 */
public final class ThaiFonts {

    private static final String DIR = "render/fonts/";
    public static final BaseFont REGULAR;
    public static final BaseFont BOLD;

    static {
        if (!LayoutProcessor.isEnabled()) {
            LayoutProcessor.enableKernLiga();
        }
        // Shaped glyphs do not map back to text by themselves; ActualText makes search and copy work.
        LayoutProcessor.setWriteActualText();
        REGULAR = load("Laksaman.ttf");
        BOLD = load("Laksaman-Bold.ttf");
    }

    private ThaiFonts() {
    }

    private static BaseFont load(String file) {
        String resource = DIR + file;
        try (InputStream in = ThaiFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + resource);
            }
            // The name is also how LayoutProcessor finds the TTF again: as a classpath resource.
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BaseFont base(boolean bold) {
        return bold ? BOLD : REGULAR;
    }

    public static Font font(float size, boolean bold) {
        return new Font(base(bold), size, Font.NORMAL, Color.BLACK);
    }
}
