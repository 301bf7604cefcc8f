package io.longnam.workflow;

import io.longnam.common.Problem;
import io.longnam.common.ProblemException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns an uploaded picture of a signature into the same kind of image a drawing gives: a transparent PNG trimmed to
 * the ink. Only PNG and JPEG are read, each by its own decoder chosen from the file's signature bytes, and the pixel
 * count the header declares is checked before a single pixel is decoded.
 */
final class UploadedSignature {

    /** Photos are decoded at most this large (by subsampling in the decoder): plenty for a signature, bounded memory. */
    static final int DECODE_SIDE = 3000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** A background lighter than this counts as paper; a darker one cannot be told from ink. */
    private static final int MIN_BACKGROUND = 150;
    /** Alpha below which a pixel is haze or a speck rather than ink when finding the ink's extent. */
    private static final int INK_ALPHA = 48;

    private UploadedSignature() {
    }

    /** The normalised image, at most {@code maxWidth} × {@code maxHeight}; 415/422 problems for anything unusable. */
    static BufferedImage normalise(byte[] bytes, long maxPixels, int maxWidth, int maxHeight) {
        BufferedImage decoded = decode(bytes, maxPixels);
        BufferedImage transparent = backgroundToAlpha(decoded);
        int[] box = inkBox(transparent);
        if (box == null) {
            throw ProblemException.unprocessable("no-ink", "the image shows no signature: it is blank or all background");
        }
        int margin = InkRenderer.MARGIN;
        int x0 = Math.max(0, box[0] - margin), y0 = Math.max(0, box[1] - margin);
        int x1 = Math.min(transparent.getWidth(), box[2] + 1 + margin), y1 = Math.min(transparent.getHeight(), box[3] + 1 + margin);
        return fit(transparent.getSubimage(x0, y0, x1 - x0, y1 - y0), maxWidth, maxHeight);
    }

    private static BufferedImage decode(byte[] bytes, long maxPixels) {
        String format = startsWith(bytes, PNG) ? "png" : startsWith(bytes, JPEG) ? "jpeg" : null;
        if (format == null) {
            throw ProblemException.unsupportedMedia("the file is not a PNG or JPEG image");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new ProblemException(422, "image-too-large", "Unprocessable content", "the image declares "
                        + width + " × " + height + " pixels; at most " + maxPixels + " pixels are accepted",
                        List.of(new Problem.FieldError("file", "at most " + maxPixels + " pixels")),
                        Map.of("maxPixels", maxPixels));
            }
            // Decoders report a truncated file as a warning and fill the rest with grey; that is not a signature.
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.max(width, height) / (double) DECODE_SIDE);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw unreadable();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw unreadable().because(e);
        } finally {
            reader.dispose();
        }
    }

    private static ProblemException unreadable() {
        return new ProblemException(422, "invalid-image", "Unprocessable content",
                "the image cannot be read: it is damaged, truncated or in an unsupported variant",
                List.of(new Problem.FieldError("file", "unreadable image")), null);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Paper becomes transparent and ink keeps its colour: each pixel's lightness (its darkest channel, so blue ink
     * counts as dark) is placed between the paper's and full ink's to give its opacity, and the paper's share is taken
     * out of its colour so edges carry no white fringe. The paper is what most of the picture is, so its level is
     * taken from the histogram: photos of white paper come out grey, and need the same treatment as scans.
     */
    private static BufferedImage backgroundToAlpha(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        long[] histogram = new long[256];
        long opaque = 0;
        for (int p : argb) {
            if (p >>> 24 >= 128) {
                histogram[lightness(p)]++;
                opaque++;
            }
        }
        boolean hasTransparency = opaque < argb.length;
        int paper = percentile(histogram, opaque, 0.9);
        if (opaque == 0 || paper < MIN_BACKGROUND) {
            if (!hasTransparency) {
                throw ProblemException.unprocessable("no-background", "the signature must be on a light (white) or"
                        + " transparent background");
            }
            // Already transparent with no paper: the picture is the ink as it is.
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, w, h, argb, 0, w);
            return out;
        }
        double clear = paper - 12;
        double solid = paper * 0.55;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double a = Math.max(0, Math.min(1, (clear - lightness(p)) / (clear - solid)));
            int alpha = (int) Math.round(a * (p >>> 24));
            if (alpha == 0) {
                argb[i] = 0;
                continue;
            }
            int r = unmix((p >> 16) & 0xFF, a, paper), g = unmix((p >> 8) & 0xFF, a, paper), b = unmix(p & 0xFF, a, paper);
            argb[i] = alpha << 24 | r << 16 | g << 8 | b;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static int lightness(int argb) {
        return Math.min((argb >> 16) & 0xFF, Math.min((argb >> 8) & 0xFF, argb & 0xFF));
    }

    private static int percentile(long[] histogram, long total, double fraction) {
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > total * fraction) {
                return v;
            }
        }
        return 255;
    }

    /** The ink colour c was mixed from, given it covered fraction a of a paper of level paper. */
    private static int unmix(int c, double a, int paper) {
        return (int) Math.max(0, Math.min(255, Math.round((c - (1 - a) * paper) / a)));
    }

    /** {minX, minY, maxX, maxY} of the ink, or null when there is none. */
    private static int[] inkBox(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                if (row[x] >>> 24 >= INK_ALPHA) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    /**
     * Scaled down (never up) to fit, halving step by step in premultiplied alpha: one big bilinear step would skip
     * pixels and lose thin strokes, and straight alpha would darken the edges.
     */
    private static BufferedImage fit(BufferedImage src, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / src.getWidth(), (double) maxHeight / src.getHeight()));
        int targetW = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage current = copy(src, src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        while (current.getWidth() != targetW || current.getHeight() != targetH) {
            int w = Math.max(targetW, current.getWidth() / 2);
            int h = Math.max(targetH, current.getHeight() / 2);
            current = copy(current, w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        return copy(current, targetW, targetH, BufferedImage.TYPE_INT_ARGB);
    }

    private static BufferedImage copy(BufferedImage src, int w, int h, int type) {
        BufferedImage dst = new BufferedImage(w, h, type);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
