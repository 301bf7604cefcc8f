package io.longnam.render;

import com.lowagie.text.Image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Turns uploaded photo bytes (JPEG, PNG, GIF) into an image fit for the document: dimensions are read
 * before any pixel is decoded so decompression bombs are refused cheaply, big photos are scaled down, and
 * transparency is flattened onto white (PDF/A output must not depend on soft masks).
 */
public final class PhotoImage {

    public static final long MAX_PIXELS = 20_000_000L;
    /** A 3 × 4 cm photo at 300 dpi is about 354 × 472 px; this leaves headroom for larger slots. */
    private static final int MAX_SIDE = 800;

    private PhotoImage() {
    }

    public static Image load(String field, byte[] bytes) {
        BufferedImage flat = decodeScaled(field, bytes);
        try {
            return Image.getInstance(flat, null);
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.INVALID_IMAGE, field + ": image cannot be embedded", e);
        }
    }

    /** Decoded, flattened onto white and scaled to at most {@value #MAX_SIDE} px on the long side. */
    public static BufferedImage decodeScaled(String field, byte[] bytes) {
        return flattenAndScale(decode(field, bytes));
    }

    private static BufferedImage decode(String field, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid(field, "not a JPEG, PNG or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new RenderInputException(RenderInputException.Code.IMAGE_TOO_LARGE,
                            field + ": image has " + reader.getWidth(0) + " × " + reader.getHeight(0)
                                    + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted",
                            java.util.List.of(new FieldError(field, "image larger than "
                                    + MAX_PIXELS / 1_000_000 + " megapixels")));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RenderInputException rie) {
                throw rie;
            }
            throw new RenderInputException(RenderInputException.Code.INVALID_IMAGE, field + ": unreadable image",
                    java.util.List.of(new FieldError(field, "unreadable image")), e);
        }
    }

    private static RenderInputException invalid(String field, String message) {
        return new RenderInputException(RenderInputException.Code.INVALID_IMAGE, field + ": " + message,
                java.util.List.of(new FieldError(field, message)));
    }

    private static BufferedImage flattenAndScale(BufferedImage src) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
