package io.longnam.render;

import io.longnam.common.AnswerFormat;
import io.longnam.common.UserText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tabular imports (the ปพ.3 graduates list and other batches): CSV (RFC 4180) or xlsx, header row as field
 * names. Cells that a spreadsheet would run as a formula (leading = + - @, tab, CR) refuse their row rather
 * than being stripped or evaluated, so a re-exported file cannot carry formula injection either way.
 */
public final class TableInput {

    public enum Format { CSV, XLSX }

    public static final String XLSX_TYPE = AnswerFormat.XLSX_TYPE;

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private TableInput() {
    }

    /**
     * The one reading of an uploaded part as a table, shared by renders and jobs so both accept the same files. The
     * content type decides (text/csv, application/csv, xlsx); a part without a useful type goes by its file name:
     * none, application/octet-stream, or application/vnd.ms-excel, which Windows gives any .csv once Excel is
     * installed. Null when the part is not a table.
     */
    public static Format detect(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "text/csv", "application/csv" -> {
                return Format.CSV;
            }
            case XLSX_TYPE -> {
                return Format.XLSX;
            }
            case "", "application/octet-stream", "application/vnd.ms-excel" -> {
                return name.endsWith(".csv") ? Format.CSV : name.endsWith(".xlsx") ? Format.XLSX : null;
            }
            default -> {
                return null;
            }
        }
    }

    public static List<RowResult> read(byte[] bytes, Format format) {
        if (bytes.length > MAX_BYTES) {
            throw new RenderInputException(RenderInputException.Code.TABLE_TOO_LARGE,
                    "table file larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        List<List<String>> rows = format == Format.CSV ? csv(TextDocument.decode(bytes)) : xlsx(bytes);
        refuseNul(rows);
        return toResults(rows);
    }

    /** Rows end up in PostgreSQL (job items, document metadata), which cannot store NUL. */
    private static void refuseNul(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (UserText.hasNul(rows.get(r).get(c))) {
                    throw new RenderInputException(RenderInputException.Code.MALFORMED_TABLE, "line " + (r + 1)
                            + ", column " + (c + 1) + " contains the NUL character (U+0000)");
                }
            }
        }
    }

    private static List<RowResult> toResults(List<List<String>> rows) {
        int headerIndex = 0;
        while (headerIndex < rows.size() && blank(rows.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == rows.size()) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_TABLE, "the table has no header row");
        }
        List<String> header = rows.get(headerIndex).stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty() || !seen.add(header.get(i))) {
                throw new RenderInputException(RenderInputException.Code.MALFORMED_TABLE,
                        "header column " + (i + 1) + " is empty or repeated: '" + header.get(i) + "'");
            }
        }
        List<RowResult> out = new ArrayList<>();
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (blank(row)) {
                continue;
            }
            out.add(row(r + 1, header, row));
        }
        return out;
    }

    private static RowResult row(int line, List<String> header, List<String> cells) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        RenderInputException.Code code = null;
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (c >= header.size()) {
                if (!value.isBlank()) {
                    errors.add(new FieldError("column " + (c + 1), "value outside the header's columns"));
                    code = RenderInputException.Code.MALFORMED_TABLE;
                }
                continue;
            }
            if (isFormulaLike(value)) {
                errors.add(new FieldError(header.get(c), "starts with a formula character (= + - @ tab CR); "
                        + "refused to prevent formula injection"));
                code = RenderInputException.Code.FORMULA_INJECTION;
            }
            if (!value.isEmpty()) {
                values.put(header.get(c), value);
            }
        }
        return new RowResult(line, values, code, errors);
    }

    static boolean isFormulaLike(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    /** RFC 4180: comma separated, double-quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                rows.add(row);
                checkRows(rows.size());
                row = new ArrayList<>();
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new RenderInputException(RenderInputException.Code.MALFORMED_TABLE,
                    "CSV ends inside a quoted field (row " + (rows.size() + 1) + ")");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static void checkRows(int count) {
        if (count > MAX_ROWS + 1) {
            throw new RenderInputException(RenderInputException.Code.TABLE_TOO_LARGE,
                    "more than " + MAX_ROWS + " data rows");
        }
    }

    /** The first sheet; formula cells become their formula text ("=...") so the row is refused, never evaluated. */
    static List<List<String>> xlsx(byte[] bytes) {
        ZipGuard.check(bytes, "xl/workbook.xml", RenderInputException.Code.MALFORMED_TABLE, "xlsx file");
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                checkRows(rows.size());
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(cellText(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RenderInputException rie) {
                throw rie;
            }
            throw new RenderInputException(RenderInputException.Code.MALFORMED_TABLE,
                    "the xlsx file cannot be read: it is damaged or not a spreadsheet", e);
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }
}
