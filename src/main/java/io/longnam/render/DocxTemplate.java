package io.longnam.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Font;
import fr.opensagres.poi.xwpf.converter.pdf.PdfOptions;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BodyType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docx templates with {@code {{field}}} placeholders (Word often splits them over several runs).
 * {@code {{list.field}}} in a table row repeats that row per list item; {@code {{image:field}}} (or a
 * placeholder whose value is image bytes) becomes a picture; {@code {{qr}}} or {@code {{qr:field}}} a QR
 * code. The merged docx is converted by xdocreport on OpenPDF with every font mapped to embedded Laksaman.
 */
public final class DocxTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\p{L}\\p{N}_:.]+)\\s*}}");
    private static final int PHOTO_WIDTH_EMU = Units.toEMU(85);
    private static final int PHOTO_HEIGHT_EMU = Units.toEMU(113);
    private static final int QR_SIDE_EMU = Units.toEMU(72);

    private DocxTemplate() {
    }

    /** The fields the template's placeholders ask for, for discovery and validation. */
    public static List<TemplateField> fields(byte[] docx) {
        return prepare(docx).fields();
    }

    /**
     * A template read once: the package (completed with Word's defaults where it lacks them) and its fields. Renders
     * edit the document they lay out, so each gets its own parse of the package; the document parsed here to find
     * the fields goes to the first render, so a one-shot upload is parsed once. Safe to share between threads.
     */
    public static final class Prepared {
        private final byte[] docx;
        private final List<TemplateField> fields;
        private final AtomicReference<XWPFDocument> unused;

        private Prepared(byte[] docx, XWPFDocument parsed) {
            this.docx = docx;
            this.fields = List.copyOf(DocxTemplate.fields(parsed));
            this.unused = new AtomicReference<>(parsed);
        }

        public List<TemplateField> fields() {
            return fields;
        }

        /** A document of its own for one render. */
        XWPFDocument open() {
            XWPFDocument doc = unused.getAndSet(null);
            return doc != null ? doc : parse(docx);
        }
    }

    /** Checks and parses a docx; a broken package is refused here. */
    public static Prepared prepare(byte[] docx) {
        ZipGuard.check(docx, "word/document.xml", RenderInputException.Code.MALFORMED_DOCX, "docx file");
        XWPFDocument doc = parse(docx);
        try {
            if (!wordDefaults(doc)) {
                return new Prepared(docx, doc);
            }
            // The converter reads the styles part from the package, where a part created in memory is still empty.
            try (doc) {
                ByteArrayOutputStream completed = new ByteArrayOutputStream();
                doc.write(completed);
                byte[] bytes = completed.toByteArray();
                return new Prepared(bytes, parse(bytes));
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof RenderInputException r ? r : malformed(e);
        }
    }

    /**
     * The merge step alone: the docx with its placeholders filled and list rows repeated, as a docx. The same
     * document {@link #render} converts; used to hand identical input to other converters (benchmarks).
     */
    public static byte[] mergedDocx(byte[] docx, Map<String, ?> data, String qrUrl) {
        try (XWPFDocument doc = prepare(docx).open()) {
            merge(doc, data, qrUrl);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static void merge(XWPFDocument doc, Map<String, ?> data, String qrUrl) {
        Map<String, Object> values = FieldValidator.validate(fields(doc), data);
        completeGrids(doc);
        for (XWPFTable table : allTables(doc)) {
            repeatRows(table, values, qrUrl);
            wordCellMargins(table);
        }
        for (XWPFParagraph p : allParagraphs(doc)) {
            merge(p, values, "", qrUrl);
            roomForThaiMarks(p);
        }
    }

    /**
     * Word opens a package without a styles part or a section's page setup using its own defaults; the converter
     * cannot, so those documents (written by generators, not by Word) get Word's defaults here: 16-point text, A4,
     * one-inch margins. Returns whether it added any.
     */
    private static boolean wordDefaults(XWPFDocument doc) {
        boolean added = false;
        if (doc.getStyles() == null) {
            added = true;
            var styles = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
            var rPr = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
            rPr.addNewSz().setVal(java.math.BigInteger.valueOf(DEFAULT_HALF_POINTS));
            rPr.addNewSzCs().setVal(java.math.BigInteger.valueOf(DEFAULT_HALF_POINTS));
            doc.createStyles().setStyles(styles);
        }
        var body = doc.getDocument().getBody();
        var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        if (!section.isSetPgSz()) {
            added = true;
            var size = section.addNewPgSz();
            size.setW(java.math.BigInteger.valueOf(A4_WIDTH_TWIPS));
            size.setH(java.math.BigInteger.valueOf(A4_HEIGHT_TWIPS));
        }
        if (!section.isSetPgMar()) {
            added = true;
            var margins = section.addNewPgMar();
            java.math.BigInteger inch = java.math.BigInteger.valueOf(INCH_TWIPS);
            margins.setTop(inch);
            margins.setBottom(inch);
            margins.setLeft(inch);
            margins.setRight(inch);
        }
        return added;
    }

    private static final int DEFAULT_HALF_POINTS = 32;
    private static final int A4_WIDTH_TWIPS = 11906;
    private static final int A4_HEIGHT_TWIPS = 16838;
    private static final int INCH_TWIPS = 1440;

    /**
     * Word gives Thai text room for marks above and below the line; the PDF converter does not by itself. With no
     * line spacing set it packs lines at 1 em, so tone marks touched the line above; an explicit single spacing
     * restores Word's line height.
     */
    private static void roomForThaiMarks(XWPFParagraph p) {
        if (p.getSpacingBetween() <= 0) {
            p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        }
        // Depending on the document's styles the converter sizes rows from the paragraph, not the cell margins.
        if (p.getPartType() == BodyType.TABLECELL && p.getSpacingAfter() < THAI_BELOW_MARK_TWIPS) {
            p.setSpacingAfter(THAI_BELOW_MARK_TWIPS);
        }
    }

    /**
     * Word's default side margins for cells, which the converter otherwise leaves at zero, and a bottom margin:
     * the converter sets a cell's last baseline on its bottom edge, so below-vowels (ุ ู) and the tails of ญ ฐ
     * crossed the row border (Word's row height includes them).
     */
    private static void wordCellMargins(XWPFTable table) {
        if (table.getCTTbl().getTblPr() == null || !table.getCTTbl().getTblPr().isSetTblCellMar()) {
            table.setCellMargins(0, WORD_SIDE_MARGIN_TWIPS, THAI_BELOW_MARK_TWIPS, WORD_SIDE_MARGIN_TWIPS);
        }
    }

    /**
     * {@code w:tblGrid} is required by the schema but Word and LibreOffice open tables without it (some generators,
     * POI among them, leave it out); the converter cannot lay such a table out. The grid is rebuilt from the row with
     * the most columns: its cells' widths where all are given in twips, else equal shares of the table's width.
     */
    private static void completeGrids(XWPFDocument doc) {
        BigInteger textWidth = textWidth(doc);
        List<XWPFTable> tables = new ArrayList<>();
        collectTables(doc.getBodyElements(), tables);
        doc.getHeaderList().forEach(h -> collectTables(h.getBodyElements(), tables));
        doc.getFooterList().forEach(f -> collectTables(f.getBodyElements(), tables));
        for (XWPFTable table : tables) {
            CTTbl tbl = table.getCTTbl();
            if (tbl.getTblGrid() != null && !tbl.getTblGrid().getGridColList().isEmpty()) {
                continue;
            }
            List<BigInteger> widths = columnWidths(table, tableWidth(tbl, textWidth));
            CTTblGrid grid = tbl.getTblGrid() != null ? tbl.getTblGrid() : tbl.addNewTblGrid();
            widths.forEach(w -> grid.addNewGridCol().setW(w));
        }
    }

    private static List<BigInteger> columnWidths(XWPFTable table, BigInteger tableWidth) {
        XWPFTableRow widest = null;
        int columns = 0;
        for (XWPFTableRow row : table.getRows()) {
            int span = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                span += span(cell);
            }
            if (span > columns) {
                columns = span;
                widest = row;
            }
        }
        List<BigInteger> widths = new ArrayList<>();
        if (widest == null) {
            return widths;
        }
        boolean allGiven = widest.getTableCells().stream().allMatch(c -> c.getWidthType() == TableWidthType.DXA && c.getWidth() > 0);
        for (XWPFTableCell cell : widest.getTableCells()) {
            int span = span(cell);
            BigInteger share = allGiven ? BigInteger.valueOf(cell.getWidth() / span) : tableWidth.divide(BigInteger.valueOf(columns));
            for (int i = 0; i < span; i++) {
                widths.add(share);
            }
        }
        return widths;
    }

    private static int span(XWPFTableCell cell) {
        var tcPr = cell.getCTTc().getTcPr();
        return tcPr != null && tcPr.isSetGridSpan() ? Math.max(1, tcPr.getGridSpan().getVal().intValue()) : 1;
    }

    private static BigInteger tableWidth(CTTbl tbl, BigInteger textWidth) {
        var tblPr = tbl.getTblPr();
        if (tblPr != null && tblPr.isSetTblW() && tblPr.getTblW().getType() == STTblWidth.DXA
                && tblPr.getTblW().getW() instanceof BigInteger w && w.signum() > 0) {
            return w;
        }
        return textWidth;
    }

    /** The page's width between the margins; {@link #wordDefaults} has made sure both are set. */
    private static BigInteger textWidth(XWPFDocument doc) {
        var section = doc.getDocument().getBody().getSectPr();
        BigInteger width = new BigInteger(section.getPgSz().getW().toString());
        BigInteger left = new BigInteger(String.valueOf(section.getPgMar().getLeft()));
        BigInteger right = new BigInteger(String.valueOf(section.getPgMar().getRight()));
        BigInteger text = width.subtract(left).subtract(right);
        return text.signum() > 0 ? text : BigInteger.valueOf(A4_WIDTH_TWIPS - 2 * INCH_TWIPS);
    }

    private static void collectTables(List<IBodyElement> elements, List<XWPFTable> out) {
        for (IBodyElement e : elements) {
            if (e instanceof XWPFTable t) {
                out.add(t);
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collectTables(cell.getBodyElements(), out);
                    }
                }
            }
        }
    }

    private static final int WORD_SIDE_MARGIN_TWIPS = 108;
    private static final int THAI_BELOW_MARK_TWIPS = 100;

    static byte[] render(Prepared template, Map<String, ?> data, String qrUrl) {
        try (XWPFDocument doc = template.open()) {
            merge(doc, data, qrUrl);
            return convert(doc);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static byte[] convert(XWPFDocument doc) {
        try {
            return DocxPdfConverter.convert(doc, PdfOptions.create().fontProvider(DocxTemplate::font));
        } catch (Exception e) {
            // The converter fails on content it cannot lay out with whatever exception the library happens to throw;
            // the cause goes to the log with the incident id, the caller gets what to do about it.
            throw new RenderInputException(RenderInputException.Code.MALFORMED_DOCX,
                    "the Word file could not be laid out as a PDF: open it in Word or LibreOffice, save it again as "
                            + "a .docx file and upload it again", e);
        }
    }

    /** All text in any docx font is set in Laksaman: the host may lack the font, and PDF/A needs it embedded. */
    private static Font font(String family, String encoding, float size, int style, Color color) {
        boolean bold = style != Font.UNDEFINED && (style & Font.BOLD) != 0;
        int rest = style == Font.UNDEFINED ? Font.NORMAL : style & ~(Font.BOLD | Font.ITALIC | Font.BOLDITALIC);
        return new Font(ThaiFonts.base(bold), size > 0 ? size : 16, rest, color == null ? Color.BLACK : color);
    }

    private static XWPFDocument parse(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    private static RenderInputException malformed(Exception e) {
        return new RenderInputException(RenderInputException.Code.MALFORMED_DOCX,
                "the docx cannot be processed: it is damaged or not a Word document", e);
    }

    private static List<TemplateField> fields(XWPFDocument doc) {
        Set<String> plain = new LinkedHashSet<>();
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Set<String> images = new LinkedHashSet<>();
        Set<String> qrs = new LinkedHashSet<>();
        for (XWPFParagraph p : allParagraphs(doc)) {
            Matcher m = PLACEHOLDER.matcher(p.getText());
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("image:")) {
                    images.add(name.substring(6));
                } else if (name.startsWith("qr:")) {
                    qrs.add(name.substring(3));
                } else if (name.equals("qr")) {
                    continue;
                } else if (name.contains(".")) {
                    lists.computeIfAbsent(name.substring(0, name.indexOf('.')), k -> new LinkedHashSet<>())
                            .add(name.substring(name.indexOf('.') + 1));
                } else {
                    plain.add(name);
                }
            }
        }
        List<TemplateField> fields = new ArrayList<>();
        plain.forEach(n -> fields.add(TemplateField.required(n, FieldType.TEXT, "placeholder {{" + n + "}}")));
        images.forEach(n -> fields.add(TemplateField.optional(n, FieldType.IMAGE, "picture {{image:" + n + "}}")));
        qrs.forEach(n -> fields.add(TemplateField.optional(n, FieldType.QR, "QR code {{qr:" + n + "}}")));
        lists.forEach((n, items) -> fields.add(new TemplateField(n, FieldType.LIST, true, "repeated table row",
                items.stream().map(i -> TemplateField.optional(i, FieldType.TEXT, "{{" + n + "." + i + "}}")).toList())));
        return fields;
    }

    private static void repeatRows(XWPFTable table, Map<String, Object> values, String qrUrl) {
        for (int r = 0; r < table.getRows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            Matcher m = PLACEHOLDER.matcher(rowText(row));
            if (!m.find() || !m.group(1).contains(".") || m.group(1).contains(":")) {
                continue;
            }
            String list = m.group(1).substring(0, m.group(1).indexOf('.'));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) values.getOrDefault(list, List.of());
            int at = r;
            for (Map<String, Object> item : items) {
                XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
                for (XWPFTableCell cell : copy.getTableCells()) {
                    for (XWPFParagraph p : cell.getParagraphs()) {
                        merge(p, item, list + ".", qrUrl);
                    }
                }
                table.addRow(copy, ++at);
            }
            table.removeRow(r);
            r = at - 1;
        }
    }

    private static String rowText(XWPFTableRow row) {
        StringBuilder sb = new StringBuilder();
        row.getTableCells().forEach(c -> sb.append(c.getText()));
        return sb.toString();
    }

    /** Replaces placeholders right to left so earlier run offsets stay valid while editing. */
    private static void merge(XWPFParagraph p, Map<String, Object> values, String prefix, String qrUrl) {
        List<XWPFRun> runs = p.getRuns();
        StringBuilder full = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        for (XWPFRun run : runs) {
            String t = runText(run);
            spans.add(new int[] {full.length(), full.length() + t.length()});
            full.append(t);
        }
        List<MatchResultSpan> matches = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(full);
        while (m.find()) {
            String name = m.group(1);
            if (!prefix.isEmpty() && !name.startsWith(prefix)) {
                continue;
            }
            matches.add(new MatchResultSpan(m.start(), m.end(), name.substring(prefix.length())));
        }
        for (int i = matches.size() - 1; i >= 0; i--) {
            MatchResultSpan match = matches.get(i);
            int first = runAt(spans, match.start());
            int last = runAt(spans, match.end() - 1);
            XWPFRun firstRun = runs.get(first);
            String firstText = runText(firstRun);
            int startOffset = match.start() - spans.get(first)[0];
            String tail = first == last ? firstText.substring(match.end() - spans.get(first)[0]) : "";
            Slot slot = slot(match.name(), values, qrUrl);
            firstRun.setText(firstText.substring(0, startOffset) + slot.text() + tail, 0);
            for (int r = first + 1; r <= last; r++) {
                String t = runText(runs.get(r));
                runs.get(r).setText(r == last ? t.substring(match.end() - spans.get(r)[0]) : "", 0);
            }
            if (slot.picture() != null) {
                addPicture(firstRun, slot);
            }
        }
    }

    private record MatchResultSpan(int start, int end, String name) {
    }

    private record Slot(String text, byte[] picture, int widthEmu, int heightEmu) {
    }

    private static Slot slot(String name, Map<String, Object> values, String qrUrl) {
        if (name.equals("qr") || name.startsWith("qr:")) {
            Object url = name.equals("qr") ? qrUrl : values.get(name.substring(3));
            return url == null ? new Slot("", null, 0, 0) : new Slot("", qrPng(url.toString()), QR_SIDE_EMU, QR_SIDE_EMU);
        }
        String field = name.startsWith("image:") ? name.substring(6) : name;
        Object value = values.get(field);
        if (value instanceof byte[] bytes) {
            BufferedImage image = PhotoImage.decodeScaled(field, bytes);
            double scale = Math.min((double) PHOTO_WIDTH_EMU / image.getWidth(), (double) PHOTO_HEIGHT_EMU / image.getHeight());
            return new Slot("", png(image), (int) (image.getWidth() * scale), (int) (image.getHeight() * scale));
        }
        return new Slot(value == null ? "" : value.toString(), null, 0, 0);
    }

    private static void addPicture(XWPFRun run, Slot slot) {
        try {
            run.addPicture(new ByteArrayInputStream(slot.picture()), Document.PICTURE_TYPE_PNG, "image.png",
                    slot.widthEmu(), slot.heightEmu());
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("picture could not be added to the docx", e);
        }
    }

    private static byte[] qrPng(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
            int scale = 4;
            // One bit per pixel, filled module by module: a 24-bit image set pixel by pixel took as long to build and
            // compress as a third of the merge step.
            BufferedImage img = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        g.fillRect(x * scale, y * scale, scale, scale);
                    }
                }
            }
            g.dispose();
            return png(img);
        } catch (WriterException e) {
            throw new RenderInputException(RenderInputException.Code.INVALID_FIELDS, "QR content cannot be encoded", e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int runAt(List<int[]> spans, int offset) {
        for (int i = 0; i < spans.size(); i++) {
            if (offset >= spans.get(i)[0] && offset < spans.get(i)[1]) {
                return i;
            }
        }
        throw new IllegalStateException("offset outside runs: " + offset);
    }

    private static String runText(XWPFRun run) {
        String t = run.getText(0);
        return t == null ? "" : t;
    }

    private static List<XWPFParagraph> allParagraphs(XWPFDocument doc) {
        List<XWPFParagraph> out = new ArrayList<>();
        collect(doc.getBodyElements(), out);
        for (XWPFHeader h : doc.getHeaderList()) {
            collect(h.getBodyElements(), out);
        }
        for (XWPFFooter f : doc.getFooterList()) {
            collect(f.getBodyElements(), out);
        }
        return out;
    }

    private static void collect(List<IBodyElement> elements, List<XWPFParagraph> out) {
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                out.add(p);
            } else if (e instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell.getBodyElements(), out);
                    }
                }
            }
        }
    }

    private static List<XWPFTable> allTables(XWPFDocument doc) {
        return new ArrayList<>(doc.getTables());
    }
}
