package io.longnam.render;

import io.longnam.common.Problem;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.document.DocumentType;
import io.longnam.signing.SignatureLevel;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class RenderDtos {

    private RenderDtos() {
    }

    /**
     * A render from JSON data. {@code embedSource} (default true) attaches the data to the PDF/A-3; {@code seal}
     * seals the result with the organisation's default key; {@code level} as for seals; {@code signEmbeddedXml}
     * applies to XML data (multipart). The rest becomes the document's metadata.
     */
    @Schema(example = """
            {"templateId": "PP2", "seal": true, "level": "B-T", "title": "ปพ.2 เด็กหญิงใจดี มีสุข", "ownerRef": "S-2569-001",
             "labels": ["ปีการศึกษา2569"],
             "data": {"certificateNumber": "2569/001", "schoolName": "โรงเรียนบ้านหนองบัว", "level": "มัธยมศึกษาปีที่ 3",
                      "studentName": "เด็กหญิงใจดี มีสุข", "studentId": "10001", "nationalId": "1101700230001",
                      "birthDate": "2554-05-01", "directorName": "นายสมชาย ใจดี"}}""")
    public record RenderRequest(@NotBlank String templateId, Map<String, Object> data, Boolean embedSource, Boolean seal,
                                SignatureLevel level,
                                Boolean signEmbeddedXml, Instant expiresAt, String ownerRef, String externalRef,
                                String title, DocumentType documentType, List<String> labels) {

        public RenderSettings settings() {
            return new RenderSettings(embedSource, seal, level, signEmbeddedXml, expiresAt, ownerRef, externalRef, title,
                    documentType, labels);
        }
    }

    /** The {@code options} part of a multipart render: everything of {@link RenderRequest} but the template and data. */
    public record RenderSettings(Boolean embedSource, Boolean seal,
                                 SignatureLevel level,
                                 Boolean signEmbeddedXml, Instant expiresAt, String ownerRef, String externalRef,
                                 String title, DocumentType documentType, List<String> labels) {

        public static RenderSettings defaults() {
            return new RenderSettings(null, null, null, null, null, null, null, null, null, null);
        }

        boolean embed() {
            return embedSource == null || embedSource;
        }

        boolean sealed() {
            return seal != null && seal;
        }

        boolean signXml() {
            return signEmbeddedXml != null && signEmbeddedXml;
        }
    }

    /** A table import: one document per valid row; refused rows are reported by their line in the file. */
    public record BatchResult(List<DocumentView> items, List<RowError> errors) {
    }

    public record RowError(int line, String code, List<Problem.FieldError> errors) {
    }
}
