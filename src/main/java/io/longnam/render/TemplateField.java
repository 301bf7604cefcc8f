package io.longnam.render;

import java.util.List;

/** One input a template accepts; {@code itemFields} describe the items of a {@link FieldType#LIST}. */
public record TemplateField(String name, FieldType type, boolean required, String description,
        List<TemplateField> itemFields) {

    public TemplateField {
        itemFields = itemFields == null ? List.of() : List.copyOf(itemFields);
    }

    public static TemplateField required(String name, FieldType type, String description) {
        return new TemplateField(name, type, true, description, List.of());
    }

    public static TemplateField optional(String name, FieldType type, String description) {
        return new TemplateField(name, type, false, description, List.of());
    }

    public static TemplateField list(String name, boolean required, String description, TemplateField... items) {
        return new TemplateField(name, FieldType.LIST, required, description, List.of(items));
    }
}
