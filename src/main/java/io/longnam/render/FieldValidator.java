package io.longnam.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks input data against template fields and normalises it to Java types (String, LocalDate,
 * BigDecimal, byte[], List of Map), collecting every problem before failing so a client can fix all at once.
 */
public final class FieldValidator {

    private FieldValidator() {
    }

    /** Normalised values keyed by field name; throws {@link RenderInputException.Code#INVALID_FIELDS}. */
    public static Map<String, Object> validate(List<TemplateField> fields, Map<String, ?> data) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = validate(fields, data == null ? Map.of() : data, "", errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return values;
    }

    public static RenderInputException invalid(List<FieldError> errors) {
        return new RenderInputException(RenderInputException.Code.INVALID_FIELDS,
                "input does not match the template: " + errors.size() + " field error(s)", errors);
    }

    private static Map<String, Object> validate(List<TemplateField> fields, Map<String, ?> data, String prefix,
            List<FieldError> errors) {
        Map<String, TemplateField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        for (String key : data.keySet()) {
            if (!byName.containsKey(key)) {
                errors.add(new FieldError(prefix + key, "unknown field"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (TemplateField field : fields) {
            Object raw = data.get(field.name());
            String path = prefix + field.name();
            if (raw == null || (raw instanceof String s && s.isBlank())) {
                if (field.required()) {
                    errors.add(new FieldError(path, "required"));
                }
                continue;
            }
            Object value = convert(field, raw, path, errors);
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    private static Object convert(TemplateField field, Object raw, String path, List<FieldError> errors) {
        switch (field.type()) {
            case TEXT, QR -> {
                if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                    return raw.toString();
                }
                errors.add(new FieldError(path, "expected text"));
            }
            case NUMBER -> {
                try {
                    if (raw instanceof Number || raw instanceof String) {
                        return new BigDecimal(ThaiText.arabicDigits(raw.toString().trim()));
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                errors.add(new FieldError(path, "expected a number"));
            }
            case DATE -> {
                try {
                    if (raw instanceof LocalDate d) {
                        return d;
                    }
                    if (raw instanceof String s) {
                        return LocalDate.parse(s.trim());
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                errors.add(new FieldError(path, "expected a date as yyyy-MM-dd (Gregorian)"));
            }
            case IMAGE -> {
                if (raw instanceof byte[] b) {
                    return b;
                }
                if (raw instanceof String s) {
                    try {
                        return Base64.getMimeDecoder().decode(s.trim());
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(path, "expected base64 image data"));
                        return null;
                    }
                }
                errors.add(new FieldError(path, "expected image bytes or base64 text"));
            }
            case LIST -> {
                List<?> items = asList(raw);
                if (items == null) {
                    errors.add(new FieldError(path, "expected a list"));
                    return null;
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        out.add(validate(field.itemFields(), stringKeys(item), path + "[" + i + "].", errors));
                    } else {
                        errors.add(new FieldError(path + "[" + i + "]", "expected an object"));
                    }
                }
                return out;
            }
        }
        return null;
    }

    /**
     * JSON gives lists directly; XML gives {@code <courses><course>..</course></courses>} as a map with one
     * key holding a list (several items) or a map (one item).
     */
    private static List<?> asList(Object raw) {
        if (raw instanceof List<?> list) {
            return list;
        }
        if (raw instanceof Map<?, ?> map && map.size() == 1) {
            Object inner = map.values().iterator().next();
            if (inner instanceof List<?> list) {
                return list;
            }
            if (inner instanceof Map<?, ?>) {
                return List.of(inner);
            }
        }
        return null;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
