package io.longnam.render;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation's uploaded docx template, one row per version. */
@Entity
@Table(name = "document_template")
public class StoredTemplate extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TemplateStatus")
    public enum Status { ACTIVE, RETIRED }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    public int version;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The fields discovered from the placeholders at upload, as JSON (a list of {@link TemplateField}). */
    @Column(name = "fields_json")
    public String fieldsJson;
    @Column(name = "blob_id")
    public UUID blobId;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;
}
