package io.longnam.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a PDF the structure PDF/A-3u asks for (XMP identification, matching Info dictionary, sRGB output
 * intent) and embeds associated files, as the ETDA e-transcript profile needs (the PDF carries its XML).
 * Content is not rewritten: fonts must already be embedded, which {@link ThaiPdfDocument} guarantees and
 * {@link #attachXml} checks for foreign PDFs.
 */
public final class PdfA3 {

    public static final String PRODUCER = "longnam render engine";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** Why an associated file is attached (ISO 32000-2 AFRelationship). */
    public enum Relationship { Source, Data, Alternative, Supplement, Unspecified }

    public record Attachment(String filename, byte[] data, String mimeType, Relationship relationship,
            String description) {
    }

    /** Document metadata; {@code date} becomes both creation and modification date. */
    public record Metadata(String title, String author, ZonedDateTime date) {
    }

    private PdfA3() {
    }

    public static RenderResult convert(byte[] pdf, Metadata metadata, List<Attachment> attachments) {
        try (PDDocument doc = load(pdf)) {
            return convert(doc, pdf.length, metadata, attachments);
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_PDF, "the PDF cannot be processed: it is damaged or not a PDF", e);
        }
    }

    private static RenderResult convert(PDDocument doc, int inputLength, Metadata metadata, List<Attachment> attachments)
            throws IOException {
        ZonedDateTime date = metadata.date().truncatedTo(ChronoUnit.SECONDS);
        GregorianCalendar calendar = GregorianCalendar.from(date);
        doc.setVersion(1.7f);
        dropCidSets(doc);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        java.util.Map<String, SignatureAnchors.Box> anchors = SignatureAnchors.decode(
                doc.getDocumentInformation().getCOSObject().getDictionaryObject(SignatureAnchors.INFO_KEY));
        writeInfo(doc, metadata, calendar);
        SignatureAnchors.write(doc, anchors, calendar);
        PDMetadata xmp = new PDMetadata(doc);
        xmp.importXMPMetadata(xmp(metadata, date).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(xmp);
        catalog.getCOSObject().removeItem(COSName.getPDFName("OutputIntents"));
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        if (!attachments.isEmpty()) {
            embed(doc, attachments, calendar);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(inputLength + 8192);
        // PDFBox's compressed save (object streams) writes a cross-reference stream that lists every object but
        // itself while its /Size counts it, which qpdf and other strict readers report as a damaged trailer. A classic
        // cross-reference table is exact; content streams stay compressed, so it costs about 1 KB per document.
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return new RenderResult(out.toByteArray(), doc.getNumberOfPages());
    }

    /**
     * The "PDF + XML" input: a foreign PDF with its XML data attached as {@code Data}, made PDF/A-3.
     * Refused when the PDF cannot conform without rewriting its content (encryption, fonts not embedded).
     */
    public static RenderResult attachXml(byte[] pdf, byte[] xml, String filename, Metadata metadata) {
        try (PDDocument doc = load(pdf)) {
            List<String> problems = preflight(doc);
            if (!problems.isEmpty()) {
                throw new RenderInputException(RenderInputException.Code.PDFA_NOT_REACHABLE,
                        "PDF cannot be made PDF/A-3 without rewriting its content: " + String.join("; ", problems),
                        problems.stream().map(p -> new FieldError("pdf", p)).toList());
            }
            return convert(doc, pdf.length, metadata, List.of(new Attachment(filename, xml, "application/xml",
                    Relationship.Data, "Structured data of this document")));
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_PDF, "the PDF cannot be read: it is damaged or not a PDF", e);
        }
    }

    /** The bytes of the embedded file named {@code filename}, if the PDF carries one. */
    public static Optional<byte[]> extractAttachment(byte[] pdf, String filename) {
        try (PDDocument doc = load(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return Optional.empty();
            }
            Optional<PDComplexFileSpecification> spec = find(names.getEmbeddedFiles(), filename);
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            PDEmbeddedFile file = spec.get().getEmbeddedFileUnicode() != null
                    ? spec.get().getEmbeddedFileUnicode() : spec.get().getEmbeddedFile();
            return file == null ? Optional.empty() : Optional.of(file.toByteArray());
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_PDF, "the PDF cannot be read: it is damaged or not a PDF", e);
        }
    }

    private static Optional<PDComplexFileSpecification> find(PDNameTreeNode<PDComplexFileSpecification> node, String filename)
            throws IOException {
        Map<String, PDComplexFileSpecification> entries = node.getNames();
        if (entries != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : entries.entrySet()) {
                PDComplexFileSpecification fs = e.getValue();
                if (filename.equals(e.getKey()) || filename.equals(fs.getFileUnicode()) || filename.equals(fs.getFile())) {
                    return Optional.of(fs);
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                Optional<PDComplexFileSpecification> found = find(kid, filename);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static PDDocument load(byte[] pdf) throws IOException {
        PDDocument doc = Loader.loadPDF(pdf);
        if (doc.isEncrypted()) {
            doc.close();
            throw new RenderInputException(RenderInputException.Code.MALFORMED_PDF, "encrypted PDFs cannot become PDF/A");
        }
        return doc;
    }

    private static List<String> preflight(PDDocument doc) throws IOException {
        List<String> problems = new ArrayList<>();
        int pageNo = 0;
        for (PDPage page : doc.getPages()) {
            pageNo++;
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (font != null && !font.isEmbedded()) {
                    problems.add("page " + pageNo + ": font " + font.getName() + " is not embedded");
                }
            }
        }
        return problems;
    }

    /** OpenPDF's CIDSet lists only the subset's CIDs, PDF/A-2/3 wants all or none; none is always right. */
    private static void dropCidSets(PDDocument doc) {
        for (COSObject object : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
            if (object.getObject() instanceof COSDictionary descriptor) {
                descriptor.removeItem(COSName.CID_SET);
            }
        }
    }

    private static void writeInfo(PDDocument doc, Metadata metadata, GregorianCalendar calendar) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(metadata.title());
        info.setAuthor(metadata.author());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        doc.setDocumentInformation(info);
    }

    private static void embed(PDDocument doc, List<Attachment> attachments, GregorianCalendar calendar) throws IOException {
        Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
        COSArray af = new COSArray();
        for (Attachment a : attachments) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(a.data()));
            file.setSubtype(a.mimeType());
            file.setSize(a.data().length);
            file.setCreationDate(calendar);
            file.setModDate(calendar);
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(a.filename());
            fs.setFileUnicode(a.filename());
            fs.setFileDescription(a.description());
            fs.setEmbeddedFile(file);
            fs.setEmbeddedFileUnicode(file);
            fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), a.relationship().name());
            specs.put(a.filename(), fs);
            af.add(fs.getCOSObject());
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(catalog);
            catalog.setNames(names);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        names.setEmbeddedFiles(tree);
        COSBase existing = catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
        if (existing instanceof COSArray old) {
            for (COSBase b : old) {
                if (!(b instanceof COSDictionary d && specs.containsKey(d.getString(COSName.UF)))) {
                    af.add(b);
                }
            }
        }
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    private static String xmp(Metadata m, ZonedDateTime date) {
        String when = date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                + "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:format>application/pdf</dc:format>"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(m.title()) + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>" + escape(m.author()) + "</rdf:li></rdf:Seq></dc:creator>"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                + "<xmp:CreatorTool>" + PRODUCER + "</xmp:CreatorTool>"
                + "<xmp:CreateDate>" + when + "</xmp:CreateDate><xmp:ModifyDate>" + when + "</xmp:ModifyDate>"
                + "<xmp:MetadataDate>" + when + "</xmp:MetadataDate></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                + "<pdf:Producer>" + PRODUCER + "</pdf:Producer></rdf:Description>\n"
                + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
