package io.longnam.common.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A queued mail: PENDING until sent (SENT), logged for want of an SMTP host (LOGGED), or given up (FAILED). */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    public enum Status { PENDING, SENT, LOGGED, FAILED }

    @Id
    public UUID id;
    public String recipient;
    public String template;
    public String locale;
    /** The template's values as JSON, sealed by {@code SecretBox} for {@code mail:<id>}; null once settled. */
    public byte[] data;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "failed_at")
    public Instant failedAt;
}
