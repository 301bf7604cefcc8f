package io.longnam.signing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a visible seal as a PNG. DSS's own text drawer places glyphs one by one and leaves Thai tone marks and
 * vowels floating; Java2D's {@link TextLayout} shapes Thai (mark positioning, ligatures) and its line breaker
 * knows Thai word boundaries, so the appearance is drawn here and handed to DSS as an image.
 *
 * <p>The image is opaque RGB (no alpha channel) so that embedding it does not add a soft mask, which PDF/A-1
 * forbids.
 */
final class SealAppearance {

    /** Pixels per PDF point: 4 = 288 dpi, sharp when printed. */
    static final int SCALE = 4;
    private static final float MAX_FONT_POINTS = 14f;
    private static final float MIN_FONT_POINTS = 5f;
    private static final Color INK = new Color(0x1a, 0x23, 0x7e);

    private final Font baseFont;

    /** The Laksaman face the renderer ships, so seals look the same on any host, fonts installed or not. */
    static final String FONT_RESOURCE = "/render/fonts/Laksaman.ttf";

    SealAppearance() {
        try (java.io.InputStream in = SealAppearance.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("seal font " + FONT_RESOURCE + " is missing from the classpath");
            }
            baseFont = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load the seal font " + FONT_RESOURCE, e);
        }
    }

    byte[] png(VisibleSeal seal) {
        int width = Math.round(seal.width() * SCALE);
        int height = Math.round(seal.height() * SCALE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            float pad = 3f * SCALE;
            g.setColor(INK);
            g.setStroke(new java.awt.BasicStroke(SCALE * 0.75f));
            g.drawRect(SCALE / 2, SCALE / 2, width - SCALE, height - SCALE);

            float textLeft = pad;
            if (seal.png() != null) {
                BufferedImage logo = readImage(seal.png());
                float box = height - 2 * pad;
                float ratio = Math.min(box / logo.getHeight(), (width * 0.4f) / logo.getWidth());
                int w = Math.round(logo.getWidth() * ratio);
                int h = Math.round(logo.getHeight() * ratio);
                g.drawImage(logo, Math.round(pad), Math.round((height - h) / 2f), w, h, Color.WHITE, null);
                textLeft = pad + w + pad;
            }
            drawText(g, seal.text(), textLeft, pad, width - textLeft - pad, height - 2 * pad);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Fits the text into the box: the largest font size up to {@link #MAX_FONT_POINTS} whose wrapped lines fit. */
    private void drawText(Graphics2D g, String text, float left, float top, float boxWidth, float boxHeight) {
        FontRenderContext frc = g.getFontRenderContext();
        List<TextLayout> lines = List.of();
        for (float points = MAX_FONT_POINTS; points >= MIN_FONT_POINTS; points -= 0.5f) {
            lines = layout(text, baseFont.deriveFont(points * SCALE), frc, boxWidth);
            if (height(lines) <= boxHeight) {
                break;
            }
        }
        float y = top + Math.max(0, (boxHeight - height(lines)) / 2);
        for (TextLayout line : lines) {
            y += line.getAscent();
            line.draw(g, left, y);
            y += line.getDescent() + line.getLeading();
        }
    }

    private static List<TextLayout> layout(String text, Font font, FontRenderContext frc, float width) {
        List<TextLayout> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            if (paragraph.isEmpty()) {
                lines.add(new TextLayout(" ", font, frc));
                continue;
            }
            AttributedString attributed = new AttributedString(paragraph);
            attributed.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(),
                    BreakIterator.getLineInstance(Locale.forLanguageTag("th")), frc);
            while (measurer.getPosition() < paragraph.length()) {
                lines.add(measurer.nextLayout(width));
            }
        }
        return lines;
    }

    private static float height(List<TextLayout> lines) {
        float h = 0;
        for (TextLayout line : lines) {
            h += line.getAscent() + line.getDescent() + line.getLeading();
        }
        return h;
    }

    private static BufferedImage readImage(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("the seal image is not a PNG/JPEG image");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("the seal image cannot be read", e);
        }
    }
}
