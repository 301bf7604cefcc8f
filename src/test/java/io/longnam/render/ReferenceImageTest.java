package io.longnam.render;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page 1 of each built-in form against a reviewed PNG (60 dpi). Run with -Drender.updateReference=true to
 * rewrite the references after an intended layout change, then look at them before committing.
 */
class ReferenceImageTest {

    private static final int DPI = 60;
    /** Mean absolute grey-level difference (0-255) tolerated: antialiasing noise passes, moved text does not. */
    private static final double TOLERANCE = 1.5;

    private final Renderer renderer = Samples.renderer();

    @Test
    void formsLookLikeTheirReviewedReferences() throws IOException {
        for (Map.Entry<String, String> e : Map.of(Pp1Template.ID, "pp1", Pp2Template.ID, "pp2", LetterTemplate.ID, "letter").entrySet()) {
            byte[] png = PdfChecks.firstPagePng(render(e.getKey()), DPI);
            String resource = "reference/" + e.getValue() + "-p1.png";
            if (Boolean.getBoolean("render.updateReference")) {
                Files.write(Path.of("src/test/resources", resource), png);
                continue;
            }
            BufferedImage expected = read(resource);
            double diff = meanDifference(expected, ImageIO.read(new ByteArrayInputStream(png)));
            assertThat(diff).as("mean pixel difference of %s", resource).isLessThan(TOLERANCE);
        }
    }

    /** Uploaded docx templates go through another converter; its tables must leave room for below-vowels too. */
    @Test
    void docxTemplateLooksLikeItsReviewedReference() throws Exception {
        Map<String, Object> data = Map.of(
                "title", "ระเบียนแสดงผลการเรียน",
                "studentName", "เด็กหญิงใจดี มีสุข",
                "photo", Samples.photo(120, 160),
                "courses", List.of(Map.of("code", "ท21101", "name", "ภาษาไทย ผู้ใหญ่"),
                        Map.of("code", "ค21101", "name", "คณิตศาสตร์พื้นฐาน ญูฐุ")));
        byte[] png = PdfChecks.firstPagePng(renderer.renderDocx(InputsTest.docxTemplate(), data, Samples.options()).pdf(), DPI);
        String resource = "reference/docx-p1.png";
        if (Boolean.getBoolean("render.updateReference")) {
            Files.write(Path.of("src/test/resources", resource), png);
            return;
        }
        assertThat(meanDifference(read(resource), ImageIO.read(new ByteArrayInputStream(png))))
                .as("mean pixel difference of %s", resource).isLessThan(TOLERANCE);
    }

    @Test
    void comparisonNoticesADifferentLayout() throws IOException {
        BufferedImage pp1 = read("reference/pp1-p1.png");
        BufferedImage letter = read("reference/letter-p1.png");
        assertThat(meanDifference(pp1, letter)).isGreaterThan(TOLERANCE * 5);
    }

    @Test
    void concurrentRendersMatchASingleThreadedOne() throws Exception {
        byte[] reference = PdfChecks.firstPagePng(render(Pp1Template.ID), DPI);
        String referenceText = PdfChecks.pdftotext(render(Pp1Template.ID));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = List.of(Pp1Template.ID, Pp2Template.ID, LetterTemplate.ID).get(i % 3);
                futures.add(pool.submit(() -> render(id)));
            }
            for (int i = 0; i < futures.size(); i += 3) {
                byte[] pdf = futures.get(i).get();
                assertThat(PdfChecks.pdftotext(pdf)).isEqualTo(referenceText);
                assertThat(meanDifference(ImageIO.read(new ByteArrayInputStream(reference)),
                        ImageIO.read(new ByteArrayInputStream(PdfChecks.firstPagePng(pdf, DPI))))).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] render(String id) {
        Map<String, Object> data = switch (id) {
            case Pp1Template.ID -> Samples.pp1();
            case Pp2Template.ID -> Samples.pp2();
            default -> Samples.letter();
        };
        return renderer.render(id, data, Samples.options()).pdf();
    }

    private static BufferedImage read(String resource) throws IOException {
        try (InputStream in = ReferenceImageTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return ImageIO.read(in);
        }
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
            }
        }
        return (double) sum / ((long) a.getWidth() * a.getHeight());
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }
}
