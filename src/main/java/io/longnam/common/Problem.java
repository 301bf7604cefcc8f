package io.longnam.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details; {@code extensions} are flattened into the top-level object. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://longnam.io/problems/";

    public record FieldError(String field, String message) {
    }

    /** The same problem with one more extension member. */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(any());
        more.put(name, value);
        return new Problem(type, title, status, detail, instance, errors, more);
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions == null ? Map.of() : extensions;
    }
}
