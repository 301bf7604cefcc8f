package io.longnam.workflow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures and drawings for signature-image tests: real ones, and the damaged and hostile kinds. */
final class SignatureSamples {

    static final Color PEN_BLUE = new Color(20, 40, 150);

    private SignatureSamples() {
    }

    /**
     * A scanned-looking signature: blue curves on white paper in a 900 × 400 JPEG, the ink within x 200..700 and
     * y 120..280.
     */
    static byte[] jpegOnWhitePaper() {
        BufferedImage img = new BufferedImage(900, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 250, 247));
        g.fillRect(0, 0, 900, 400);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(PEN_BLUE);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(200, 250, 300, 50, 400, 350, 500, 150));
        g.draw(new CubicCurve2D.Double(500, 150, 560, 100, 640, 300, 700, 200));
        g.drawLine(220, 280, 680, 270);
        g.dispose();
        return jpeg(img, 0.85f);
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A valid, tiny PNG whose header claims {@code width} × {@code height} pixels: a decompression bomb's calling card. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        // Zeros compress to almost nothing: one row of the claimed image, the rest missing.
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[width + 1]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> point(double x, double y, double pressure, double t) {
        return Map.of("x", x, "y", y, "pressure", pressure, "t", t);
    }

    /** A stroke of evenly spaced points on the straight line from (x0, y0) to (x1, y1), pressure rising. */
    static Map<String, Object> line(double x0, double y0, double x1, double y1) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            double f = i / 20.0;
            points.add(point(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, 0.3 + 0.6 * f, i * 16));
        }
        return Map.of("points", points);
    }

    static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }
}
