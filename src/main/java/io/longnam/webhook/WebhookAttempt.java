package io.longnam.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    public int attempt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "latency_ms")
    public int latencyMs;
    public String error;
    @Column(name = "response_excerpt")
    public String responseExcerpt;
    @Column(name = "created_at")
    public Instant createdAt;
}
