package io.longnam.render;

import java.time.LocalDate;
import java.util.List;

/** A document form laid out in code. Implementations are stateless and shared between threads. */
public interface BuiltInTemplate {

    TemplateDefinition definition();

    /** Checks beyond field types (e.g. national-id checksums); empty when fine. */
    default List<FieldError> check(Values values) {
        return List.of();
    }

    /** The check ปพ.1 and ปพ.2 share: the student's national id carries a valid checksum. */
    static List<FieldError> nationalIdChecksum(Values values) {
        return ThaiText.isValidNationalId(values.text("nationalId")) ? List.of()
                : List.of(new FieldError("nationalId", "not a valid Thai national id (13 digits with checksum)"));
    }

    /**
     * Lays out the document as a plain PDF (PDF/A structure is added afterwards).
     *
     * @param qrUrl verification URL for the QR slot when the data has none, or null
     * @param today the date printed where the data gives no issue date
     */
    byte[] render(Values values, String qrUrl, LocalDate today);
}
