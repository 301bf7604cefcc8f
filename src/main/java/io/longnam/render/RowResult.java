package io.longnam.render;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV/xlsx file: {@code line} is its 1-based row number in the file (the header is
 * row 1). A row with errors has a {@code code} and is not to be rendered; the other rows still are.
 */
public record RowResult(int line, Map<String, Object> values, RenderInputException.Code code, List<FieldError> errors) {

    public RowResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The values, or the row's problem as the usual exception. */
    public Map<String, Object> valuesOrThrow() {
        if (!ok()) {
            throw new RenderInputException(code, "row " + line + " refused: " + errors.getFirst().message(), errors);
        }
        return values;
    }
}
