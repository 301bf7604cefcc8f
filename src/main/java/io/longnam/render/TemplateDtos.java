package io.longnam.render;

import io.longnam.document.DocumentType;
import java.time.Instant;
import java.util.List;

public final class TemplateDtos {

    private TemplateDtos() {
    }

    /** One input of a template; {@code itemFields} only for LIST fields. */
    public record FieldView(String name, FieldType type, boolean required, String description, List<FieldView> itemFields) {

        static FieldView of(TemplateField f) {
            return new FieldView(f.name(), f.type(), f.required(), f.description(),
                    f.type() == FieldType.LIST ? f.itemFields().stream().map(FieldView::of).toList() : null);
        }
    }

    /**
     * A template clients can render with. Built-in ones have the ids {@code PP1}, {@code PP2}, {@code LETTER};
     * uploaded docx templates have UUIDs.
     */
    public record TemplateView(String id, String name, int version, List<FieldView> fields, boolean builtIn,
                               StoredTemplate.Status status, DocumentType documentType, String organizationId,
                               String sha256, Instant createdAt) {
    }
}
