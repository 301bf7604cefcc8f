package io.longnam.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookDtos {

    /** An event type ({@code document.sealed}), a family ({@code document.*}) or everything ({@code *}). */
    public static final String EVENT = "^(\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?)$";
    static final String EVENT_MESSAGE = "an event type such as document.sealed, a family such as document.*, or *";

    private WebhookDtos() {
    }

    public record CreateWebhook(
            @Schema(description = "https URL the events are POSTed to; must resolve to a public address unless allow-listed",
                    examples = "https://school.example/hooks/longnam")
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "event types to receive, e.g. `document.sealed`, `document.*`, `*`")
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = EVENT, message = EVENT_MESSAGE) String> events,
            @Size(max = 500) String description) {
    }

    public record WebhookPatch(@Size(max = 2000) String url,
                               @Size(min = 1, max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = EVENT, message = EVENT_MESSAGE) String> events,
                               @Size(max = 500) String description,
                               @Schema(description = "true re-enables an endpoint that was disabled, by hand or for failing")
                               Boolean enabled) {
    }

    public record WebhookView(UUID id, UUID organizationId, String url, List<String> events, String description,
                              boolean enabled, Instant disabledAt, String disabledReason, int consecutiveFailures,
                              @Schema(description = "while set, deliveries carry a second signature made with the previous secret")
                              Instant previousSecretValidUntil, Instant createdAt, String createdBy) {

        static WebhookView of(WebhookEndpoint e) {
            return new WebhookView(e.id, e.organizationId, e.url, e.eventList(), e.description, e.disabledAt == null,
                    e.disabledAt, e.disabledReason, e.consecutiveFailures, e.previousSecretUntil, e.createdAt, e.createdBy);
        }
    }

    /** Answer to create and to a secret rotation: the only time {@code secret} is shown. */
    public record IssuedWebhook(UUID id, UUID organizationId, String url, List<String> events, String description,
                                @Schema(description = "Standard Webhooks signing secret, `whsec_` + base64; shown once")
                                String secret, Instant previousSecretValidUntil, Instant createdAt) {
    }

    public record DeliveryView(UUID id, UUID webhookId, UUID eventId, String eventType, WebhookDelivery.Status status, int attempts,
                               Instant nextAttemptAt, Instant giveUpAt, Instant lastAttemptAt, Instant deliveredAt,
                               Instant createdAt) {

        static DeliveryView of(WebhookDelivery d) {
            boolean pending = WebhookDelivery.Status.PENDING.name().equals(d.status);
            return new DeliveryView(d.id, d.endpointId, d.eventId, d.eventType, WebhookDelivery.Status.valueOf(d.status), d.attempts,
                    pending ? d.nextAttemptAt : null, d.giveUpAt, d.lastAttemptAt, d.deliveredAt, d.createdAt);
        }
    }

    public record AttemptView(int attempt, Instant startedAt, Integer statusCode, int latencyMs, String error,
                              @Schema(description = "the first 1000 characters of the receiver's answer") String responseExcerpt) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt, a.startedAt, a.statusCode, a.latencyMs, a.error, a.responseExcerpt);
        }
    }
}
