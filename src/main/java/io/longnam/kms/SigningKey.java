package io.longnam.kms;

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
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "KeyStatus")
    public enum Status { PENDING_CERTIFICATE, ACTIVE, DISABLED }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    /** The person a personal key belongs to; null for the organisation's seal keys. */
    @Column(name = "user_id")
    public UUID userId;
    public String alias;
    @Enumerated(EnumType.STRING)
    public KeyAlgorithm algorithm;
    public String provider;
    /** The provider's handle; never shown to clients (for the software provider it holds the wrapped key). */
    @Column(name = "provider_key_ref")
    public String providerKeyRef;
    public String subject;
    @Column(name = "csr_pem")
    public String csrPem;
    @Column(name = "certificate_chain_pem")
    public String certificateChainPem;
    @Column(name = "certificate_not_after")
    public Instant certificateNotAfter;
    @Column(name = "certified_at")
    public Instant certifiedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "is_default")
    public boolean isDefault;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String toString() {
        return "SigningKey[" + id + ", " + provider + ", " + algorithm + ", " + status + "]";
    }
}
