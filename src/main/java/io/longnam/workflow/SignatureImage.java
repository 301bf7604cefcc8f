package io.longnam.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One of a person's signature images, stored as the normalised PNG. */
@Entity
@Table(name = "signature_image")
public class SignatureImage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id")
    public UUID userId;
    @Enumerated(EnumType.STRING)
    public SignatureImageKind kind;
    // Lists and default switches need only the metadata.
    @Basic(fetch = FetchType.LAZY)
    public byte[] png;
    @Column(name = "width_px")
    public int widthPx;
    @Column(name = "height_px")
    public int heightPx;
    @Column(name = "is_default")
    public boolean isDefault;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
