package io.longnam.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "document_version")
public class DocumentVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "organization_id")
    public UUID organizationId;
    public int seq;
    @Enumerated(EnumType.STRING)
    public VersionKind kind;
    /** Null once purged: the row stays as evidence of what existed, the bytes do not. */
    @Column(name = "blob_id")
    public UUID blobId;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
