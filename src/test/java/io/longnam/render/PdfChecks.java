package io.longnam.render;

import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Checks on produced PDFs through independent tools: veraPDF, qpdf, poppler's pdftotext, pdfimages and pdftoppm. */
public final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {
    }

    /** Fails with the list of failed rules unless the PDF is valid PDF/A-3u, and unless qpdf finds it clean. */
    static void assertPdfA3u(byte[] pdf) {
        List<String> failures = veraPdfFailures(pdf, PDFAFlavour.PDFA_3_U);
        if (!failures.isEmpty()) {
            fail("PDF/A-3u validation failed:\n" + String.join("\n", failures));
        }
        assertQpdfClean(pdf);
    }

    /**
     * {@code qpdf --check} exits 0 and warns about nothing: veraPDF does not look at the file structure (cross-reference
     * sections, trailer /Size), which strict readers do.
     */
    public static void assertQpdfClean(byte[] pdf) {
        try {
            Path in = Files.createTempFile("qpdf", ".pdf");
            try {
                Files.write(in, pdf);
                Process p = new ProcessBuilder("qpdf", "--check", in.toString()).redirectErrorStream(true).start();
                String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                assertThat(report).as("qpdf --check").doesNotContain("WARNING");
                assertThat(exit).as("qpdf --check exit code, report:%n%s", report).isZero();
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> veraPdfFailures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " [" + a.getLocation().getContext() + "]")
                    .distinct()
                    .collect(Collectors.toList());
        } catch (ModelParsingException | EncryptedPdfException | ValidationException | IOException e) {
            throw new AssertionError("veraPDF could not validate", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static String pdftotext(byte[] pdf) {
        try {
            Path in = Files.createTempFile("render", ".pdf");
            try {
                Files.write(in, pdf);
                Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", in.toString(), "-")
                        .redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("pdftotext exit code").isZero();
                return text;
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The number of images poppler's pdfimages lists (every use of an image on every page). */
    static int imageCount(byte[] pdf) {
        try {
            Path in = Files.createTempFile("images", ".pdf");
            try {
                Files.write(in, pdf);
                Process p = new ProcessBuilder("/usr/bin/pdfimages", "-list", in.toString()).redirectErrorStream(true).start();
                String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("pdfimages exit code").isZero();
                // Two header lines, then one line per image.
                return (int) list.lines().skip(2).filter(l -> !l.isBlank()).count();
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Page 1 as PNG at the given resolution. */
    static byte[] firstPagePng(byte[] pdf, int dpi) {
        try {
            Path dir = Files.createTempDirectory("render-png");
            Path in = dir.resolve("in.pdf");
            Files.write(in, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-r", String.valueOf(dpi), "-f", "1", "-l", "1",
                    "-png", "-singlefile", in.toString(), dir.resolve("page").toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as("pdftoppm exit code").isZero();
            byte[] png = Files.readAllBytes(dir.resolve("page.png"));
            Files.delete(dir.resolve("page.png"));
            Files.delete(in);
            Files.delete(dir);
            return png;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
