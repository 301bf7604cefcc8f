package io.longnam.render;

import java.io.IOException;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Named places where a built-in form expects a signature (ปพ.1 {@code registrar} and {@code principal}, ปพ.2
 * {@code principal}, the letter's {@code signer}), so an approval chain can name the place instead of measuring it.
 * The forms' layouts depend on their content, so the rendered PDF itself carries the boxes: in each page's
 * {@code /PieceInfo} (ISO 32000-1 §14.5, the place for an application's private page data), which survives the
 * incremental updates of signing. A PDF that was not rendered from a built-in form has none.
 */
public final class SignatureAnchors {

    /** A box in PDF points from the page's bottom-left; {@code page} starts at 1. */
    public record Box(int page, float x, float y, float width, float height) {
    }

    private static final COSName APP = COSName.getPDFName("Longnam");
    private static final COSName ANCHORS = COSName.getPDFName("SignatureAnchors");
    private static final COSName LAST_MODIFIED = COSName.getPDFName("LastModified");

    private SignatureAnchors() {
    }

    /** Writes the boxes into their pages' piece dictionaries; {@code modified} dates them as §14.5 requires. */
    static void write(PDDocument doc, Map<String, Box> anchors, Calendar modified) {
        for (Map.Entry<String, Box> a : anchors.entrySet()) {
            Box b = a.getValue();
            PDPage page = doc.getPage(b.page() - 1);
            COSDictionary pieces = page.getCOSObject().getCOSDictionary(COSName.PIECE_INFO);
            if (pieces == null) {
                pieces = new COSDictionary();
                page.getCOSObject().setItem(COSName.PIECE_INFO, pieces);
            }
            COSDictionary data = pieces.getCOSDictionary(APP);
            if (data == null) {
                data = new COSDictionary();
                data.setItem(COSName.PRIVATE, new COSDictionary());
                pieces.setItem(APP, data);
            }
            data.setDate(LAST_MODIFIED, modified);
            page.getCOSObject().setDate(LAST_MODIFIED, modified);
            COSDictionary priv = data.getCOSDictionary(COSName.PRIVATE);
            COSDictionary boxes = priv.getCOSDictionary(ANCHORS);
            if (boxes == null) {
                boxes = new COSDictionary();
                priv.setItem(ANCHORS, boxes);
            }
            COSArray rect = new COSArray();
            for (float f : new float[]{b.x(), b.y(), b.width(), b.height()}) {
                rect.add(new COSFloat(f));
            }
            boxes.setItem(COSName.getPDFName(a.getKey()), rect);
        }
    }

    /** The anchors a PDF carries, by name; empty for PDFs not rendered from a built-in form. */
    public static Map<String, Box> read(byte[] pdf) {
        Map<String, Box> out = new LinkedHashMap<>();
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                COSDictionary pieces = page.getCOSObject().getCOSDictionary(COSName.PIECE_INFO);
                COSDictionary data = pieces == null ? null : pieces.getCOSDictionary(APP);
                COSDictionary priv = data == null ? null : data.getCOSDictionary(COSName.PRIVATE);
                COSDictionary boxes = priv == null ? null : priv.getCOSDictionary(ANCHORS);
                if (boxes == null) {
                    continue;
                }
                for (Map.Entry<COSName, COSBase> e : boxes.entrySet()) {
                    if (e.getValue() instanceof COSArray r && r.size() == 4 && r.toList().stream().allMatch(COSNumber.class::isInstance)) {
                        out.put(e.getKey().getName(), new Box(n, value(r, 0), value(r, 1), value(r, 2), value(r, 3)));
                    }
                }
            }
        } catch (IOException e) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_PDF, "the PDF cannot be read: it is damaged or not a PDF", e);
        }
        return out;
    }

    private static float value(COSArray r, int i) {
        return ((COSNumber) r.getObject(i)).floatValue();
    }

    /** Carried from the layout to the PDF/A conversion in the Info dictionary, which the conversion rewrites. */
    static final String INFO_KEY = "LongnamSignatureAnchors";

    static String encode(Map<String, Box> anchors) {
        StringBuilder s = new StringBuilder();
        anchors.forEach((name, b) -> s.append(name).append(' ').append(b.page()).append(' ').append(b.x()).append(' ')
                .append(b.y()).append(' ').append(b.width()).append(' ').append(b.height()).append(';'));
        return s.toString();
    }

    static Map<String, Box> decode(COSBase value) {
        Map<String, Box> out = new LinkedHashMap<>();
        if (!(value instanceof COSString text)) {
            return out;
        }
        for (String entry : text.getString().split(";")) {
            String[] f = entry.strip().split(" ");
            if (f.length == 6) {
                out.put(f[0], new Box(Integer.parseInt(f[1]), Float.parseFloat(f[2]), Float.parseFloat(f[3]),
                        Float.parseFloat(f[4]), Float.parseFloat(f[5])));
            }
        }
        return out;
    }
}
