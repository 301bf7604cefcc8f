package io.longnam.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String url;
    /** Event types, comma-separated; {@code document.*} matches a family, {@code *} everything. */
    public String events;
    public String description;
    @Column(name = "secret_sealed")
    public String secretSealed;
    @Column(name = "previous_secret_sealed")
    public String previousSecretSealed;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }

    /** The sealing purpose binds a sealed secret to its endpoint. */
    String purpose() {
        return "webhook:" + id;
    }
}
