package io.longnam.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
    @Enumerated(EnumType.STRING)
    public DocumentStatus status;
    @Column(name = "owner_ref")
    public String ownerRef;
    @Column(name = "external_ref")
    public String externalRef;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] labels;
    @Enumerated(EnumType.STRING)
    @Column(name = "input_format")
    public InputFormat inputFormat;
    @Enumerated(EnumType.STRING)
    @Column(name = "import_channel")
    public ImportChannel importChannel;
    public String filename;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "original_sha256")
    public String originalSha256;
    @Column(name = "current_version_id")
    public UUID currentVersionId;
    @Column(name = "current_sha256")
    public String currentSha256;
    @Column(name = "current_size_bytes")
    public long currentSizeBytes;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "deleted_by")
    public String deletedBy;
    @Column(name = "deletion_reason")
    public String deletionReason;
    @Version
    public long version;
}
