package io.longnam.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's TOTP authenticator: pending until {@link #confirmedAt}; {@link #secret} is sealed by SecretBox. */
@Entity
@Table(name = "totp_enrolment")
public class TotpEnrolment extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;
    public byte[] secret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    /** The newest time step a code was accepted for; codes of this step or earlier are replays. */
    @Column(name = "last_step")
    public Long lastStep;
}
