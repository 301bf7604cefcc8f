package io.longnam.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * An A4 document being laid out with shaped Thai text: single lines at absolute positions, wrapped and
 * paginated paragraphs, table cells pre-wrapped at Thai word boundaries, images and vector QR codes.
 * One instance per render; not shared between threads.
 */
public final class ThaiPdfDocument {

    /** Line pitch as a multiple of the font size; Thai needs room above and below for stacked marks. */
    public static final float LEADING = 1.3f;
    private static final float CELL_PADDING = 2f;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;
    private final PdfWriter writer;
    private final float marginLeft;
    private final float marginRight;
    private final float marginTop;
    private final float marginBottom;
    private IntConsumer pageHeader;
    private final Map<String, SignatureAnchors.Box> anchors = new java.util.LinkedHashMap<>();

    /** Margins in points. */
    public ThaiPdfDocument(float left, float right, float top, float bottom) {
        this.marginLeft = left;
        this.marginRight = right;
        this.marginTop = top;
        this.marginBottom = bottom;
        document = new Document(PageSize.A4, left, right, top, bottom);
        writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.open();
    }

    public static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    public PdfContentByte canvas() {
        return writer.getDirectContent();
    }

    public float pageWidth() {
        return PageSize.A4.getWidth();
    }

    public float pageHeight() {
        return PageSize.A4.getHeight();
    }

    public float left() {
        return marginLeft;
    }

    public float right() {
        return pageWidth() - marginRight;
    }

    public float top() {
        return pageHeight() - marginTop;
    }

    public float bottom() {
        return marginBottom;
    }

    public float contentWidth() {
        return right() - left();
    }

    /** Called with the new page number whenever a page is started after the first, e.g. to print "- 2 -". */
    public void onNewPage(IntConsumer header) {
        this.pageHeader = header;
    }

    public void newPage() {
        document.newPage();
        if (pageHeader != null) {
            pageHeader.accept(writer.getPageNumber());
        }
    }

    /** One line at a baseline; {@code align} is {@link Element#ALIGN_LEFT}, CENTER or RIGHT. */
    public void text(String text, float x, float baseline, float size, boolean bold, int align) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ColumnText.showTextAligned(canvas(), align, new Phrase(text, ThaiFonts.font(size, bold)), x, baseline, 0);
    }

    public float width(String text, float size, boolean bold) {
        return ThaiFonts.base(bold).getWidthPoint(text, size);
    }

    /**
     * A wrapped paragraph whose first baseline is {@code baseline}, continuing on new pages below the bottom
     * margin. Returns the baseline for the next line.
     */
    public float paragraph(String text, float x, float baseline, float width, float size, boolean bold,
            float firstLineIndent) {
        List<String> lines = ThaiLineBreaker.wrap(text, ThaiFonts.base(bold), size, width, firstLineIndent);
        float y = baseline;
        for (int i = 0; i < lines.size(); i++) {
            if (y < bottom()) {
                newPage();
                y = top() - size;
            }
            text(lines.get(i), i == 0 ? x + firstLineIndent : x, y, size, bold, Element.ALIGN_LEFT);
            y -= size * LEADING;
        }
        return y;
    }

    /** Moves to a new page unless {@code needed} points remain above the bottom margin; returns the baseline. */
    public float ensureSpace(float baseline, float needed, float size) {
        if (baseline - needed < bottom()) {
            newPage();
            return top() - size;
        }
        return baseline;
    }

    /** A table cell whose text is already broken into lines that fit {@code width}, the cell's full width. */
    public static PdfPCell cell(String text, float width, float size, boolean bold, int align) {
        String value = text == null ? "" : text;
        List<String> lines = ThaiLineBreaker.wrap(value, ThaiFonts.base(bold), size, width - 2 * CELL_PADDING - 1f);
        PdfPCell cell = new PdfPCell(new Phrase(String.join("\n", lines), ThaiFonts.font(size, bold)));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(CELL_PADDING);
        cell.setPaddingTop(0);
        cell.setPaddingBottom(size * 0.3f);
        cell.setLeading(0, 1.15f);
        cell.setUseAscender(true);
        return cell;
    }

    /** A one-line cell whose font shrinks until the text fits, for narrow column headings. */
    public static PdfPCell fittedCell(String text, float width, float size, boolean bold, int align) {
        float fitted = size;
        while (fitted > 6 && ThaiFonts.base(bold).getWidthPoint(text, fitted) > width - 2 * CELL_PADDING - 1f) {
            fitted -= 0.5f;
        }
        return cell(text, width, fitted, bold, align);
    }

    public static PdfPTable table(float... columnWidths) {
        PdfPTable table = new PdfPTable(columnWidths.length);
        float total = 0;
        for (float w : columnWidths) {
            total += w;
        }
        table.setTotalWidth(total);
        try {
            table.setWidths(columnWidths);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalArgumentException(e);
        }
        table.setLockedWidth(true);
        return table;
    }

    /** Draws a table at its top-left corner and returns the y of its bottom edge. */
    public float table(PdfPTable table, float x, float top) {
        return table.writeSelectedRows(0, -1, x, top, canvas());
    }

    /** Places an image scaled to fit the box, centred, keeping its aspect ratio. */
    public void image(Image image, float x, float y, float boxWidth, float boxHeight) {
        Image copy = Image.getInstance(image);
        copy.scaleToFit(boxWidth, boxHeight);
        copy.setAbsolutePosition(x + (boxWidth - copy.getScaledWidth()) / 2, y + (boxHeight - copy.getScaledHeight()) / 2);
        document.add(copy);
    }

    /** A QR code drawn as vector modules with bottom-left corner (x, y) and the given side length. */
    public void qr(String content, float x, float y, float side) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new RenderInputException(RenderInputException.Code.INVALID_FIELDS,
                    "QR content cannot be encoded: it is too long for a QR code", e);
        }
        int n = matrix.getWidth();
        float module = side / n;
        PdfContentByte cb = canvas();
        cb.saveState();
        cb.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                cb.rectangle(x + start * module, y + side - (row + 1) * module, (col - start) * module, module);
            }
        }
        cb.fill();
        cb.restoreState();
    }

    public void line(float x1, float y1, float x2, float y2, float width) {
        PdfContentByte cb = canvas();
        cb.saveState();
        cb.setLineWidth(width);
        cb.moveTo(x1, y1);
        cb.lineTo(x2, y2);
        cb.stroke();
        cb.restoreState();
    }

    /** A dotted line as on printed forms, for values written on the line. */
    public void dottedLine(float x1, float x2, float y) {
        PdfContentByte cb = canvas();
        cb.saveState();
        cb.setLineWidth(0.5f);
        cb.setLineDash(0.5f, 1.5f, 0);
        cb.moveTo(x1, y);
        cb.lineTo(x2, y);
        cb.stroke();
        cb.restoreState();
    }

    public void rect(float x, float y, float w, float h, float lineWidth) {
        PdfContentByte cb = canvas();
        cb.saveState();
        cb.setLineWidth(lineWidth);
        cb.rectangle(x, y, w, h);
        cb.stroke();
        cb.restoreState();
    }

    /**
     * Names the box (points from the current page's bottom-left) where a signature belongs, for approval chains; see
     * {@link SignatureAnchors}.
     */
    public void anchor(String name, float x, float y, float width, float height) {
        anchors.put(name, new SignatureAnchors.Box(writer.getPageNumber(), x, y, width, height));
    }

    /** Closes the document and returns the plain PDF (not yet PDF/A). */
    public byte[] finish() {
        if (!anchors.isEmpty()) {
            writer.getInfo().put(new com.lowagie.text.pdf.PdfName(SignatureAnchors.INFO_KEY),
                    new com.lowagie.text.pdf.PdfString(SignatureAnchors.encode(anchors)));
        }
        document.close();
        return out.toByteArray();
    }
}
