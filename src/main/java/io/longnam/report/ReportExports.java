package io.longnam.report;

import static io.longnam.render.ThaiPdfDocument.mm;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import io.longnam.common.CsvWriter;
import io.longnam.render.ThaiFonts;
import io.longnam.render.ThaiPdfDocument;
import io.longnam.report.ReportDtos.DocumentReport;
import io.longnam.report.ReportDtos.ReportRow;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The same report as a file: CSV, xlsx (typed cells, header row, frozen panes) and PDF (Thai, chart and table). */
public final class ReportExports {

    static final int CHART_BARS = 36;
    static final int ROWS_PER_PAGE = 38;

    private ReportExports() {
    }

    static String title(DocumentReport r) {
        boolean th = "th".equals(r.lang());
        return (th ? "รายงานจำนวนเอกสาร ตาม" : "Documents by ") + heading(r.groupBy(), th);
    }

    static String subtitle(DocumentReport r) {
        boolean th = "th".equals(r.lang());
        String period = ReportLabels.day(r.from(), th) + " – " + ReportLabels.day(r.to(), th);
        String statuses = String.join(", ", r.statuses().stream()
                .map(s -> ReportLabels.label(GroupBy.STATUS, s, th)).toList());
        return (th ? "ช่วงวันที่ " : "Period ") + period + (statuses.isEmpty() ? "" : (th ? "  สถานะ: " : "  status: ") + statuses)
                + (th ? "  รวม " : "  total ") + r.total();
    }

    static String heading(String groupBy, boolean th) {
        if (!th) {
            return switch (groupBy) {
                case "inputFormat" -> "input format";
                case "importChannel" -> "import channel";
                default -> groupBy;
            };
        }
        return switch (groupBy) {
            case "day" -> "วัน";
            case "month" -> "เดือน";
            case "year" -> "ปี";
            case "organization" -> "หน่วยงาน";
            case "inputFormat" -> "รูปแบบข้อมูลนำเข้า";
            case "importChannel" -> "ช่องทางนำเข้า";
            case "status" -> "สถานะ";
            default -> "ประเภทเอกสาร";
        };
    }

    static String[] columns(DocumentReport r) {
        boolean th = "th".equals(r.lang());
        return th ? new String[]{"รหัส", heading(r.groupBy(), true), "จำนวน"} : new String[]{"key", "label", "count"};
    }

    public static byte[] csv(DocumentReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row((Object[]) columns(r));
            for (ReportRow row : r.rows()) {
                csv.row(row.key(), row.label(), row.count());
            }
        }
        return out.toByteArray();
    }

    /**
     * Every value is written as a typed value (dates as dates, counts as numbers, the rest as strings) and never as a
     * formula, so text such as {@code =HYPERLINK(…)} in an organisation's name stays text when opened.
     */
    public static byte[] xlsx(DocumentReport r) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("th".equals(r.lang()) ? "รายงาน" : "Report");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            String[] columns = columns(r);
            for (int i = 0; i < columns.length; i++) {
                Cell c = head.createCell(i);
                c.setCellValue(columns[i]);
                c.setCellStyle(header);
            }
            int n = 1;
            for (ReportRow row : r.rows()) {
                Row x = sheet.createRow(n++);
                Cell key = x.createCell(0);
                if ("day".equals(r.groupBy())) {
                    key.setCellValue(LocalDate.parse(row.key()));
                    key.setCellStyle(date);
                } else if ("year".equals(r.groupBy())) {
                    key.setCellValue(Integer.parseInt(row.key()));
                } else {
                    key.setCellValue(row.key());
                }
                x.createCell(1).setCellValue(row.label());
                x.createCell(2).setCellValue(row.count());
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(2, 12 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4: title, period and filters, a bar chart of the first rows, then the table over as many pages as needed. */
    public static byte[] pdf(DocumentReport r) {
        ThaiPdfDocument d = new ThaiPdfDocument(mm(18), mm(18), mm(15), mm(15));
        float y = d.top() - 16;
        d.text(title(r), d.left(), y, 16, true, Element.ALIGN_LEFT);
        y -= 20;
        d.text(subtitle(r), d.left(), y, 11, false, Element.ALIGN_LEFT);
        y -= 16;
        List<ReportRow> charted = r.rows().stream().limit(CHART_BARS).toList();
        if (!charted.isEmpty()) {
            y = chart(d, charted, y - 8, 220);
        }
        String[] columns = columns(r);
        float w = d.contentWidth();
        float[] widths = {w * 0.3f, w * 0.5f, w * 0.2f};
        List<ReportRow> rows = r.rows();
        int i = 0;
        float top = y - 10;
        int perPage = Math.max(1, (int) ((top - d.bottom()) / 18) - 1);
        do {
            PdfPTable table = ThaiPdfDocument.table(widths);
            for (int c = 0; c < columns.length; c++) {
                table.addCell(ThaiPdfDocument.cell(columns[c], widths[c], 11, true, c == 2 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
            for (int k = 0; k < perPage && i < rows.size(); k++, i++) {
                ReportRow row = rows.get(i);
                table.addCell(ThaiPdfDocument.cell(row.key(), widths[0], 10, false, Element.ALIGN_LEFT));
                table.addCell(ThaiPdfDocument.cell(row.label(), widths[1], 10, false, Element.ALIGN_LEFT));
                table.addCell(ThaiPdfDocument.cell(Long.toString(row.count()), widths[2], 10, false, Element.ALIGN_RIGHT));
            }
            d.table(table, d.left(), top);
            if (i < rows.size()) {
                d.newPage();
                top = d.top();
                perPage = ROWS_PER_PAGE;
            }
        } while (i < rows.size());
        return d.finish();
    }

    private static float chart(ThaiPdfDocument d, List<ReportRow> rows, float top, float height) {
        PdfContentByte cb = d.canvas();
        long max = rows.stream().mapToLong(ReportRow::count).max().orElse(1);
        float labelSpace = 50;
        float base = top - height + labelSpace;
        float plot = height - labelSpace - 12;
        float slot = d.contentWidth() / rows.size();
        float bar = Math.max(2, slot * 0.7f);
        d.line(d.left(), base, d.right(), base, 0.5f);
        for (int i = 0; i < rows.size(); i++) {
            ReportRow row = rows.get(i);
            float h = max == 0 ? 0 : plot * row.count() / max;
            float x = d.left() + i * slot + (slot - bar) / 2;
            cb.saveState();
            cb.setColorFill(new Color(0x2e, 0x6d, 0xb4));
            cb.rectangle(x, base, bar, h);
            cb.fill();
            cb.restoreState();
            float size = Math.min(9, Math.max(5, slot * 0.45f));
            d.text(Long.toString(row.count()), x + bar / 2, base + h + 2, size, false, Element.ALIGN_CENTER);
            String label = row.label().length() > 18 ? row.label().substring(0, 17) + "…" : row.label();
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    new Phrase(label, ThaiFonts.font(size, false)),
                    x + bar / 2 + size / 3, base - 3, rows.size() > 8 ? 60 : 0);
        }
        return top - height;
    }
}
