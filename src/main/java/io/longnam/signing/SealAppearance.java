package io.longnam.signing;

import io.longnam.render.ThaiText;
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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a visible seal as a PNG. DSS's own text drawer places glyphs one by one and leaves Thai tone marks and
 * vowels floating; Java2D's {@link TextLayout} shapes Thai (mark positioning, ligatures), and lines break at the
 * word boundaries the documents' text uses ({@link ThaiText#lineBreaksForJava2D}), so the appearance is drawn here
 * and handed to DSS as an image.
 *
 * <p>The seal image is opaque RGB (no alpha channel) so that embedding it does not add a soft mask, which PDF/A-1
 * forbids; approval marks are transparent unless the document is PDF/A-1 ({@link #approvalPng}).
 */
final class SealAppearance {

    /** Pixels per PDF point: 4 = 288 dpi, sharp when printed. */
    static final int SCALE = 4;
    private static final float MAX_FONT_POINTS = 14f;
    private static final float MIN_FONT_POINTS = 5f;
    private static final Color INK = new Color(0x1a, 0x23, 0x7e);
    /** Of an approval box, the share the text lines may take at most; the signature image gets the rest. */
    private static final float APPROVAL_TEXT_SHARE = 0.5f;
    private static final float APPROVAL_MAX_FONT_POINTS = 12f;

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
        return encode(image(seal));
    }

    /** {@link #png} before PNG encoding, for signers that embed the pixels themselves. */
    BufferedImage image(VisibleSeal seal) {
        int width = Math.round(seal.width() * SCALE);
        int height = Math.round(seal.height() * SCALE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
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
        return image;
    }

    private void drawText(Graphics2D g, String text, float left, float top, float boxWidth, float boxHeight) {
        List<TextLayout> lines = fit(g, text, boxWidth, boxHeight, MAX_FONT_POINTS);
        float y = top + Math.max(0, (boxHeight - height(lines)) / 2);
        for (TextLayout line : lines) {
            y += line.getAscent();
            line.draw(g, left, y);
            y += line.getDescent() + line.getLeading();
        }
    }

    /** The text laid out in the largest font size up to {@code maxPoints} whose wrapped lines fit the box. */
    private List<TextLayout> fit(Graphics2D g, String text, float boxWidth, float boxHeight, float maxPoints) {
        FontRenderContext frc = g.getFontRenderContext();
        List<TextLayout> lines = List.of();
        for (float points = maxPoints; points >= MIN_FONT_POINTS; points -= 0.5f) {
            lines = layout(text, baseFont.deriveFont(points * SCALE), frc, boxWidth);
            if (height(lines) <= boxHeight) {
                break;
            }
        }
        return lines;
    }

    /**
     * An approval signature's appearance: the signature image in the upper part, scaled to fit with its aspect kept
     * and resting on the text; under it, centred, the signer's name in parentheses, the position and the date in the
     * form Thai official letters use (Thai digits, Buddhist era: "๒๙ พฤศจิกายน ๒๕๖๙"). Transparent outside the ink
     * so the page shows through (PDF/A-2 and later allow the soft mask this needs); {@code opaque} paints it on white
     * instead, for PDF/A-1 documents, which forbid transparency.
     */
    byte[] approvalPng(ApprovalMark mark, boolean opaque) {
        return encode(approvalImage(mark, opaque));
    }

    /** {@link #approvalPng} before PNG encoding, for signers that embed the pixels themselves. */
    BufferedImage approvalImage(ApprovalMark mark, boolean opaque) {
        int width = Math.round(mark.width() * SCALE);
        int height = Math.round(mark.height() * SCALE);
        BufferedImage image = new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
            if (opaque) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            float pad = SCALE;
            StringBuilder text = new StringBuilder("(").append(mark.signerName().strip()).append(')');
            if (mark.position() != null && !mark.position().isBlank()) {
                text.append('\n').append(mark.position().strip());
            }
            text.append('\n').append(ThaiText.thaiDigits(ThaiText.formatDate(mark.date())));
            List<TextLayout> lines = fit(g, text.toString(), width - 2 * pad, (height - 2 * pad) * APPROVAL_TEXT_SHARE,
                    APPROVAL_MAX_FONT_POINTS);
            float textTop = height - pad - height(lines);
            g.setColor(INK);
            float y = textTop;
            for (TextLayout line : lines) {
                y += line.getAscent();
                line.draw(g, (width - line.getAdvance()) / 2, y);
                y += line.getDescent() + line.getLeading();
            }
            BufferedImage signature = readImage(mark.signaturePng());
            float areaWidth = width - 2 * pad;
            float areaHeight = textTop - 2 * pad;
            if (areaHeight > 0) {
                float ratio = Math.min(areaWidth / signature.getWidth(), areaHeight / signature.getHeight());
                int w = Math.round(signature.getWidth() * ratio);
                int h = Math.round(signature.getHeight() * ratio);
                g.drawImage(signature, Math.round((width - w) / 2f), Math.round(textTop - pad - h), w, h, null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
                    ThaiText.lineBreaksForJava2D(), frc);
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
