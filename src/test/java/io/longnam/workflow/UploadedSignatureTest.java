package io.longnam.workflow;

import static io.longnam.workflow.SignatureSamples.alpha;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Normalising pictures that need no database: what happens to their pixels. */
class UploadedSignatureTest {

    @Test
    void anAlreadyTransparentPngKeepsItsInkAndLosesOnlyTheEmptyBorder() throws IOException {
        BufferedImage src = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = src.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(100, 100, 500, 200);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(src, "png", png);

        BufferedImage out = UploadedSignature.normalise(png.toByteArray(), 16_000_000, 1200, 600);

        // The line with its round caps spans 96..504 × 96..204; a margin of 8 is kept around it.
        assertThat(out.getWidth()).isBetween(420, 430);
        assertThat(out.getHeight()).isBetween(120, 130);
        assertThat(alpha(out, out.getWidth() / 2, out.getHeight() / 2)).as("ink in the middle").isEqualTo(255);
        assertThat(out.getRGB(out.getWidth() / 2, out.getHeight() / 2) & 0xFFFFFF).as("black stays black").isZero();
        assertThat(alpha(out, 0, out.getHeight() - 1)).isZero();
    }

    @Test
    void aLargePhotoIsScaledDownToTheLargestStoredSize() {
        BufferedImage photo = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(235, 235, 230));
        g.fillRect(0, 0, 3000, 1000);
        g.setColor(SignatureSamples.PEN_BLUE);
        g.setStroke(new BasicStroke(20));
        g.drawLine(100, 500, 2900, 520);
        g.drawLine(1500, 100, 1500, 900);
        g.dispose();

        BufferedImage out = UploadedSignature.normalise(SignatureSamples.jpeg(photo, 0.9f), 16_000_000, 1200, 600);

        assertThat(out.getWidth()).isEqualTo(1200);
        assertThat(out.getHeight()).isLessThanOrEqualTo(600);
        assertThat(alpha(out, 600, out.getHeight() / 2)).isEqualTo(255);
    }
}
