package io.longnam.document;

import io.longnam.common.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Decides whether uploaded bytes are a PDF we can keep and later sign: a real PDF (not another type renamed),
 * complete (PDFBox silently repairs truncated files, so the end marker is checked first), unencrypted, with pages.
 */
public final class PdfInspector {

    /** Facts about an accepted PDF. {@code carriesXml}: it embeds an XML file (the e-transcript profile). */
    public record PdfFacts(int pages, boolean carriesXml) {
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    // Writers append whitespace or junk after %%EOF; 2 KiB covers what real files carry.
    private static final int EOF_WINDOW = 2048;
    // The header may follow a little junk (ISO 32000-2 §7.5.2 tolerance that readers implement).
    private static final int HEADER_WINDOW = 1024;

    private static final Map<String, byte[]> OTHER_TYPES = Map.of(
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/gif", new byte[]{'G', 'I', 'F', '8'},
            "application/zip", new byte[]{'P', 'K', 3, 4});

    private PdfInspector() {
    }

    public static PdfFacts inspect(byte[] data) {
        if (data.length == 0) {
            throw ProblemException.unprocessable("empty-file", "the uploaded file is empty");
        }
        if (indexOf(data, PDF_MAGIC, 0, Math.min(data.length, HEADER_WINDOW)) < 0) {
            String detected = OTHER_TYPES.entrySet().stream().filter(e -> startsWith(data, e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("an unknown type");
            throw ProblemException.unsupportedMedia("the file is not a PDF (its content looks like " + detected + ")");
        }
        if (indexOf(data, EOF_MARKER, Math.max(0, data.length - EOF_WINDOW), data.length) < 0) {
            throw ProblemException.unprocessable("corrupt-pdf", "the PDF is truncated: it has no end-of-file marker");
        }
        try (PDDocument doc = Loader.loadPDF(data)) {
            if (doc.isEncrypted()) {
                throw encrypted();
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw ProblemException.unprocessable("corrupt-pdf", "the PDF has no pages");
            }
            return new PdfFacts(pages, embedsXml(doc));
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.unprocessable("corrupt-pdf", "the PDF cannot be parsed");
        }
    }

    private static boolean embedsXml(PDDocument doc) throws IOException {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        return names != null && names.getEmbeddedFiles() != null && containsXml(names.getEmbeddedFiles());
    }

    private static boolean containsXml(PDNameTreeNode<PDComplexFileSpecification> node) throws IOException {
        if (node.getNames() != null && node.getNames().keySet().stream().anyMatch(PdfInspector::isXmlName)) {
            return true;
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                if (containsXml(kid)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isXmlName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
    }

    private static ProblemException encrypted() {
        return ProblemException.unprocessable("encrypted-pdf",
                "the PDF is encrypted or password-protected; upload it without encryption so it can be sealed");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && indexOf(data, prefix, 0, prefix.length) == 0;
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
