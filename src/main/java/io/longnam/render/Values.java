package io.longnam.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Typed read access to validated field values (see {@link FieldValidator}). */
public record Values(Map<String, Object> map) {

    public String text(String name) {
        Object v = map.get(name);
        return v == null ? "" : v.toString();
    }

    public boolean has(String name) {
        return map.containsKey(name);
    }

    /** The field's text, or {@code fallback} when the data does not give the field. */
    public String textOr(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    public LocalDate date(String name) {
        return (LocalDate) map.get(name);
    }

    /** Full Thai date in Buddhist era, or "" when absent. */
    public String thaiDate(String name) {
        LocalDate d = date(name);
        return d == null ? "" : ThaiText.formatDate(d);
    }

    public BigDecimal number(String name) {
        return (BigDecimal) map.get(name);
    }

    public byte[] image(String name) {
        return (byte[]) map.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Values> list(String name) {
        Object v = map.get(name);
        return v == null ? List.of() : ((List<Map<String, Object>>) v).stream().map(Values::new).toList();
    }
}
