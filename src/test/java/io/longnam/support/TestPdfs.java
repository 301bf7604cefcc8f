package io.longnam.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made on the fly so tests carry no binary fixtures. */
public final class TestPdfs {

    private TestPdfs() {
    }

    public static byte[] onePage(String text) {
        return build(text, null);
    }

    public static byte[] encrypted(String text) {
        return build(text, "owner-secret");
    }

    /** A PDF cut short, as a failed upload or a broken disk leaves it. */
    public static byte[] truncated() {
        byte[] whole = onePage("cut short");
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A PDF embedding a file, the way e-transcripts carry their XML. */
    public static byte[] withAttachment(String text, String name, byte[] content) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(onePage(text)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var embedded = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                    new java.io.ByteArrayInputStream(content));
            embedded.setSubtype("application/xml");
            var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile(name);
            spec.setEmbeddedFile(embedded);
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of(name, spec));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The page-tree attack: one page named {@code times} times in the root's Kids, /Count agreeing. Small on disk,
     * but DSS compares it page by page, and PDFBox walks the tree from the start for each page.
     */
    public static byte[] pageNamedTimes(int times) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSArray kids = new COSArray();
            for (int i = 0; i < times; i++) {
                kids.add(page.getCOSObject());
            }
            COSDictionary root = doc.getPages().getCOSObject();
            root.setItem(COSName.KIDS, kids);
            root.setInt(COSName.COUNT, times);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A well-formed PDF of {@code pages} blank pages. */
    public static byte[] blankPages(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code prefix} followed by a valid PDF: a polyglot that other programs read as HTML, GIF, … */
    public static byte[] behind(String prefix, byte[] pdf) {
        byte[] head = prefix.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + pdf.length);
        System.arraycopy(pdf, 0, all, head.length, pdf.length);
        return all;
    }

    public static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private static byte[] build(String text, String ownerPassword) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            if (ownerPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, "", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
