package io.longnam.document;

import io.longnam.common.Patterns;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(name = "DocumentVersionView")
    public record VersionView(int seq, VersionKind kind, String sha256, long sizeBytes, String contentType,
                              Instant createdAt, boolean available) {

        static VersionView of(DocumentVersion v) {
            return new VersionView(v.seq, v.kind, v.sha256, v.sizeBytes, v.contentType, v.createdAt, v.blobId != null);
        }
    }

    @Schema(example = """
            {"id": "5e0c2a8e-7d4b-4f61-a9d2-6c1b3e8f0a27", "organizationId": "2f9c1e7b-4a3d-4b8e-8c6f-0d1e2f3a4b5c",
             "title": "ปพ.1 เด็กชายสมชาย ใจดี", "documentType": "PP1", "status": "SEALED", "ownerRef": "S-2569-001",
             "labels": ["ปีการศึกษา2569"], "inputFormat": "PDF", "importChannel": "API", "filename": "ปพ1-สมชาย.pdf",
             "contentType": "application/pdf", "sha256": "9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e",
             "sizeBytes": 182344, "originalSha256": "1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a",
             "createdAt": "2026-11-29T03:00:00Z", "updatedAt": "2026-11-29T03:00:05Z",
             "versions": [{"seq": 1, "kind": "ORIGINAL", "sha256": "1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a",
                           "sizeBytes": 180112, "contentType": "application/pdf", "createdAt": "2026-11-29T03:00:00Z", "available": true},
                          {"seq": 2, "kind": "SEALED", "sha256": "9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e",
                           "sizeBytes": 182344, "contentType": "application/pdf", "createdAt": "2026-11-29T03:00:05Z", "available": true}]}""")
    public record DocumentView(UUID id, UUID organizationId, String title, DocumentType documentType,
                               DocumentStatus status, String ownerRef, String externalRef, List<String> labels,
                               InputFormat inputFormat, ImportChannel importChannel, String filename,
                               String contentType, String sha256, long sizeBytes, String originalSha256,
                               Instant expiresAt, Instant createdAt, Instant updatedAt, Instant deletedAt,
                               String deletionReason, List<VersionView> versions) {

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
