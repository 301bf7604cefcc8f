package io.longnam.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A generated stand-in for a school emblem: a red ring with a star-like mark. */
final class TestLogo {

    private TestLogo() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xb7, 0x1c, 0x1c));
        g.setStroke(new BasicStroke(14));
        g.drawOval(12, 12, 176, 176);
        g.fillPolygon(new int[]{100, 120, 180, 130, 150, 100, 50, 70, 20, 80}, new int[]{30, 80, 80, 115, 175, 140, 175, 115, 80, 80}, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
