package io.longnam.document;

import io.longnam.common.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class DocumentDtos {

    private DocumentDtos() {
    }

    /** The optional {@code metadata} part of a registration. */
    public record DocumentMetadata(
            @Size(max = 500) String title,
            DocumentType documentType,
            @Size(max = 200) String ownerRef,
            @Size(max = 200) String externalRef,
            Instant expiresAt,
            @Size(max = 20) List<@Pattern(regexp = Patterns.LABEL, message = Patterns.LABEL_MESSAGE) String> labels) {

        public static DocumentMetadata empty() {
            return new DocumentMetadata(null, null, null, null, null, null);
        }
    }

    public record VersionView(int seq, VersionKind kind, String sha256, long sizeBytes, String contentType,
                              Instant createdAt, boolean available) {

        static VersionView of(DocumentVersion v) {
            return new VersionView(v.seq, v.kind, v.sha256, v.sizeBytes, v.contentType, v.createdAt, v.blobId != null);
        }
    }

    public record DocumentView(UUID id, UUID organizationId, String title, DocumentType documentType,
                               DocumentStatus status, String ownerRef, String externalRef, List<String> labels,
                               InputFormat inputFormat, ImportChannel importChannel, String filename,
                               String contentType, String sha256, long sizeBytes, String originalSha256,
                               Instant expiresAt, Instant createdAt, Instant updatedAt, Instant deletedAt,
                               String deletionReason, @Valid List<VersionView> versions) {

        static DocumentView of(Document d, List<VersionView> versions) {
            return new DocumentView(d.id, d.organizationId, d.title, d.documentType, d.status, d.ownerRef,
                    d.externalRef, d.labels == null ? List.of() : List.of(d.labels), d.inputFormat, d.importChannel,
                    d.filename, d.contentType, d.currentSha256, d.currentSizeBytes, d.originalSha256, d.expiresAt,
                    d.createdAt, d.updatedAt, d.deletedAt, d.deletionReason, versions);
        }
    }

    /** Filters of the document list; all optional and combined with AND. */
    public record DocumentQuery(DocumentType type, DocumentStatus status, String ownerRef, Instant createdFrom,
                                Instant createdTo, String label, UUID organizationId) {
    }

    /** Bytes to hand to a client. */
    public record FileContent(byte[] data, String filename, String contentType, String sha256) {
    }

    public record PeriodPurge(Instant createdFrom, Instant createdTo) {
    }

}
