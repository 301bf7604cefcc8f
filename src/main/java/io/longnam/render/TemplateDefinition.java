package io.longnam.render;

import java.util.List;
import java.util.Optional;

/** What a template is and which fields it takes, so clients can discover and validate input. */
public record TemplateDefinition(String id, String name, int version, List<TemplateField> fields) {

    public TemplateDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<TemplateField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
