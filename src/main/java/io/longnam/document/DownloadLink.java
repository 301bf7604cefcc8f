package io.longnam.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "download_link")
public class DownloadLink extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "max_downloads")
    public Integer maxDownloads;
    @Column(name = "download_count")
    public int downloadCount;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_download_at")
    public Instant lastDownloadAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
