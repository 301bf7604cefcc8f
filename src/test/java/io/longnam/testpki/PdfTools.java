package io.longnam.testpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Test PDFs and the poppler / NSS / OpenSSL command-line tools used to check signatures independently of DSS. */
public final class PdfTools {

    private PdfTools() {
    }

    /**
     * A one-page A4 PDF saved without object streams, so its Info dictionary (title {@code title}) is plain text
     * in the file and tests can find and alter bytes in it.
     */
    public static byte[] onePage(String title) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 760);
                content.showText("Longnam test document");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An NSS database (for {@code pdfsig -nssdir}) trusting {@code root} for signing. */
    public static Path nssDbTrusting(Path dir, X509Certificate root) {
        try {
            Files.createDirectories(dir);
            Path pem = dir.resolve("root.pem");
            Files.writeString(pem, TestPki.pem(List.of(root)));
            run(List.of("certutil", "-N", "-d", "sql:" + dir, "--empty-password"));
            run(List.of("certutil", "-A", "-n", "longnam-test-root", "-t", "CT,C,C", "-d", "sql:" + dir, "-i", pem.toString()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdfsig} output for the file (exit status ignored: pdfsig returns non-zero for untrusted signers). */
    public static String pdfsig(Path nssDb, Path pdf) {
        return output(List.of("pdfsig", "-nssdir", "sql:" + nssDb, pdf.toString()), false);
    }

    /** Renders page 1 at 100 dpi to {@code <prefix>-1.png} (pdftoppm naming) and returns that file. */
    public static Path renderFirstPage(Path pdf, Path prefix) {
        run(List.of("pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", pdf.toString(), prefix.toString()));
        return prefix.resolveSibling(prefix.getFileName() + "-1.png");
    }

    public static String run(List<String> command) {
        return output(command, true);
    }

    private static String output(List<String> command, boolean checkExit) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (checkExit && exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(command.getFirst() + " could not be run (poppler-utils / libnss3-tools / openssl"
                    + " installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
