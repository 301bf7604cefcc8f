package io.longnam.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DeliveryStatus")
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    public UUID id;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "give_up_at")
    public Instant giveUpAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
