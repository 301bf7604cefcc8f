package io.longnam.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import fr.opensagres.poi.xwpf.converter.pdf.PdfOptions;
import fr.opensagres.poi.xwpf.converter.pdf.internal.PdfMapper;
import fr.opensagres.xdocreport.openpdf.extension.IITextContainer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayOutputStream;
import java.util.Collection;

/**
 * xdocreport's docx-to-PDF conversion with Thai line breaking. The converter creates its OpenPDF chunks itself and
 * offers no hook for their split characters, so each paragraph's chunks get a {@link ThaiSplitCharacter} when the
 * paragraph is complete and before it is laid out.
 */
final class DocxPdfConverter {

    private DocxPdfConverter() {
    }

    /** The PDF of {@code doc}; the same two-pass conversion as xdocreport's own when the document shows page totals. */
    static byte[] convert(XWPFDocument doc, PdfOptions options) throws Exception {
        ThaiSplitCharacter split = new ThaiSplitCharacter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ThaiMapper mapper = new ThaiMapper(doc, out, options, null, split);
        mapper.start();
        if (mapper.useTotalPageField()) {
            out.reset();
            new ThaiMapper(doc, out, options, mapper.getPageCount(), split).start();
        }
        return out.toByteArray();
    }

    private static final class ThaiMapper extends PdfMapper {

        private final ThaiSplitCharacter split;

        ThaiMapper(XWPFDocument doc, ByteArrayOutputStream out, PdfOptions options, Integer pageCount,
                ThaiSplitCharacter split) throws Exception {
            super(doc, out, options, pageCount);
            this.split = split;
        }

        @Override
        protected void endVisitParagraph(XWPFParagraph paragraph, IITextContainer parent, IITextContainer container)
                throws Exception {
            if (container instanceof Element element) {
                thaiBreaks(element);
            }
            super.endVisitParagraph(paragraph, parent, container);
        }

        private void thaiBreaks(Element element) {
            if (element instanceof Chunk chunk) {
                chunk.setSplitCharacter(split);
            } else if (element instanceof Collection<?> children) {
                for (Object child : children) {
                    if (child instanceof Element e) {
                        thaiBreaks(e);
                    }
                }
            }
        }
    }
}
