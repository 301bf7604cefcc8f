package io.longnam.job;

import io.longnam.common.Patterns;
import io.longnam.document.InputFormat;
import io.longnam.signing.SignatureLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class JobDtos {

    private JobDtos() {
    }

    /**
     * How a job's documents are made, stored with the job. {@code ownerRefField} names the record field whose
     * value becomes each document's {@code ownerRef} (e.g. {@code studentId}); {@code level}, {@code keyId},
     * {@code reason} and {@code location} apply when {@code seal} is true.
     */
    public record JobOptions(
            boolean seal,
            SignatureLevel level,
            UUID keyId,
            @Size(max = 200) String reason,
            @Size(max = 200) String location,
            @Size(max = 100) String ownerRefField,
            Instant expiresAt,
            @Size(max = 20) List<@Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String> labels) {
    }

    /** The JSON form of a submission, as documented; the service reads it as a stream so large jobs stay cheap. */
    @Schema(name = "JobSubmission", example = """
            {"templateId": "PP2", "seal": true, "level": "B-T", "ownerRefField": "studentId", "labels": ["ปีการศึกษา2569"],
             "records": [{"certificateNumber": "2569/001", "schoolName": "โรงเรียนบ้านหนองบัว", "level": "มัธยมศึกษาปีที่ 3",
                          "studentName": "เด็กหญิงใจดี มีสุข", "studentId": "10001", "nationalId": "1101700230001",
                          "birthDate": "2554-05-01", "directorName": "นายสมชาย ใจดี"}]}""")
    public record JobSubmission(
            @Schema(required = true, description = "PP1, PP2 or LETTER") String templateId,
            @Schema(required = true, description = "One object per document, with the template's fields") List<Map<String, Object>> records,
            @Schema(description = "Seal each document with the organisation's key (needs the SIGNER role)") Boolean seal,
            @Schema(description = "Without it the organisation's settings decide") SignatureLevel level,
            @Schema(description = "Seal key; the organisation's default without it") UUID keyId,
            String reason, String location,
            @Schema(description = "Record field whose value becomes each document's ownerRef, e.g. studentId") String ownerRefField,
            Instant expiresAt, List<String> labels) {
    }

    public record JobView(UUID id, UUID organizationId, String kind, String templateId, InputFormat inputFormat,
                          JobStatus status, int total, int done, int failed, int cancelled, int remaining,
                          JobOptions options, String createdBy, Instant createdAt, Instant startedAt,
                          Instant finishedAt,
                          @Schema(description = "Settled items per second since the job started") Double itemsPerSecond) {
    }

    public record ItemError(String field, String message) {
    }

    public record JobItemView(int seq, ItemStatus status, UUID documentId, String errorCode, String errorMessage,
                              List<ItemError> errors, int attempts, Instant updatedAt) {
    }
}
