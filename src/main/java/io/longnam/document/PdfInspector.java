package io.longnam.document;

import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Decides whether uploaded bytes are a PDF we can keep and later sign: a real PDF (not another type renamed, nor
 * another type with a PDF behind it), complete (PDFBox silently repairs truncated files, so the end marker is
 * checked first), unencrypted, with pages, and small enough in bytes, objects and pages that signing and
 * verifying it stay cheap.
 */
public final class PdfInspector {

    /** Facts about an accepted PDF. {@code carriesXml}: it embeds an XML file (the e-transcript profile). */
    public record PdfFacts(int pages, boolean carriesXml) {
    }

    /** An accepted PDF, still loaded; closing this closes the document. */
    public record Inspected(PDDocument document, PdfFacts facts) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(document);
        }
    }

    /** What a PDF may weigh; see {@link LongnamConfig.Pdf}. */
    public record Limits(long maxBytes, int maxObjects, int maxPages) {

        public static Limits of(LongnamConfig config) {
            return new Limits(config.upload().maxBytes(), config.pdf().maxObjects(), config.pdf().maxPages());
        }
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    // Writers append whitespace or junk after %%EOF; 2 KiB covers what real files carry.
    private static final int EOF_WINDOW = 2048;
    // Real writers nest a handful of levels; the walk recurses, so a chain of intermediate nodes must stay short.
    private static final int MAX_TREE_DEPTH = 32;

    private static final Map<String, byte[]> OTHER_TYPES = Map.of(
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/gif", new byte[]{'G', 'I', 'F', '8'},
            "application/zip", new byte[]{'P', 'K', 3, 4});

    private PdfInspector() {
    }

    public static PdfFacts inspect(byte[] data, Limits limits) {
        try (Inspected inspected = open(data, limits)) {
            return inspected.facts();
        }
    }

    /**
     * {@link #inspect}, leaving the loaded document open for work that goes on with it (a seal signs the document
     * this check loaded rather than parsing the bytes again). The caller closes it.
     */
    public static Inspected open(byte[] data, Limits limits) {
        if (data.length == 0) {
            throw ProblemException.unprocessable("empty-file", "the uploaded file is empty");
        }
        // ISO 32000-1 and -2 §7.5.2: the header "shall" be the first line, and PDF/A (ISO 19005) puts it at byte 0.
        // Readers' habit of finding it within 1024 bytes is what lets HTML or GIF files double as PDFs (polyglots).
        if (!startsWith(data, PDF_MAGIC)) {
            String detected = OTHER_TYPES.entrySet().stream().filter(e -> startsWith(data, e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("an unknown type");
            throw ProblemException.unsupportedMedia("the file is not a PDF (its content looks like " + detected + ")");
        }
        if (indexOf(data, EOF_MARKER, Math.max(0, data.length - EOF_WINDOW), data.length) < 0) {
            throw ProblemException.unprocessable("corrupt-pdf", "the PDF is truncated: it has no end-of-file marker");
        }
        if (data.length > limits.maxBytes()) {
            throw tooComplex("bytes", limits.maxBytes(), data.length);
        }
        PDDocument doc = null;
        try {
            doc = Loader.loadPDF(data);
            if (doc.isEncrypted()) {
                throw encrypted();
            }
            int objects = doc.getDocument().getXrefTable().size();
            if (objects > limits.maxObjects()) {
                throw tooComplex("objects", limits.maxObjects(), objects);
            }
            int pages = countPages(doc, limits.maxPages());
            if (pages == 0) {
                throw ProblemException.unprocessable("corrupt-pdf", "the PDF has no pages");
            }
            return new Inspected(doc, new PdfFacts(pages, embedsXml(doc)));
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            closeQuietly(doc);
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.unprocessable("corrupt-pdf", "the PDF cannot be parsed");
        }
    }

    private static void closeQuietly(PDDocument doc) {
        if (doc != null) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // only memory was held
            }
        }
    }

    /**
     * Pages found by walking the page tree, never trusting {@code /Count}: a tree whose Kids name one page thousands
     * of times is small on disk yet costs DSS a comparison per named page. Such trees, cycles and over-deep trees
     * are refused, and the walk stops as soon as it passes {@code maxPages}. The root {@code /Count} must then
     * agree, because PDFBox and DSS index pages by it.
     */
    private static int countPages(PDDocument doc, int maxPages) {
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            return 0;
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int pages = walk(root, 0, seen, 0, maxPages);
        int declared = root.getInt(COSName.COUNT, -1);
        if (declared != pages) {
            throw ProblemException.unprocessable("corrupt-pdf",
                    "the PDF's page tree declares " + declared + " page(s) but holds " + pages);
        }
        return pages;
    }

    private static int walk(COSDictionary node, int depth, Set<COSDictionary> seen, int pagesSoFar, int maxPages) {
        if (!seen.add(node)) {
            throw ProblemException.unprocessable("corrupt-pdf",
                    "the PDF's page tree names the same page or node more than once");
        }
        if (!isTreeNode(node)) {
            if (pagesSoFar + 1 > maxPages) {
                throw tooComplex("pages", maxPages, pagesSoFar + 1);
            }
            return pagesSoFar + 1;
        }
        if (depth >= MAX_TREE_DEPTH) {
            throw tooComplex("pageTreeDepth", MAX_TREE_DEPTH, depth + 1);
        }
        int pages = pagesSoFar;
        COSArray kids = node.getCOSArray(COSName.KIDS);
        for (int i = 0; kids != null && i < kids.size(); i++) {
            COSBase kid = kids.get(i);
            if (kid instanceof COSObject indirect) {
                kid = indirect.getObject();
            }
            if (!(kid instanceof COSDictionary child)) {
                throw ProblemException.unprocessable("corrupt-pdf", "the PDF's page tree holds something other than pages");
            }
            pages = walk(child, depth + 1, seen, pages, maxPages);
        }
        return pages;
    }

    /** As PDFBox decides it ({@code PDPageTree}): typed /Pages, or anything with /Kids. */
    private static boolean isTreeNode(COSDictionary node) {
        return COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS);
    }

    /** {@code found} is where counting stopped, so for pages and depth it is a lower bound. */
    private static ProblemException tooComplex(String measure, long limit, long found) {
        return new ProblemException(422, "pdf-too-complex", "Unprocessable content",
                "the PDF is too large to process: its " + measure + " exceed the limit of " + limit + " (found "
                        + found + (measure.equals("bytes") || measure.equals("objects") ? "" : " or more") + ")",
                null, Map.of("measure", measure, "limit", limit, "found", found));
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
