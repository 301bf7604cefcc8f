package io.longnam.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof that a user passed a second factor a moment ago; found by the SHA-256 of the token the client holds. */
@Entity
@Table(name = "step_up_grant")
public class StepUpGrant extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String method;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
