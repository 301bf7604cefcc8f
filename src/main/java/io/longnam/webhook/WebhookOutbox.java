package io.longnam.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every domain event into deliveries for the endpoints that asked for it — those of the event's organisation
 * and of its ancestors — in the transaction that made the change: the change and its deliveries commit together, so
 * nothing is sent for a change that rolled back and nothing is lost if the service dies right after the commit.
 * Events added by later features flow through here unchanged: endpoints subscribe by the event's action name.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    WebhooksConfig config;
    @Inject
    ObjectMapper json;

    void onDomainEvent(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        if (event.organizationId() == null) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.now();
        em.createNativeQuery("""
                        insert into webhook_delivery (id, endpoint_id, organization_id, event_id, event_type, payload, status,
                                                      attempts, next_attempt_at, give_up_at, created_at)
                        select gen_random_uuid(), e.id, e.organization_id, ?1, ?2, ?3, 'PENDING', 0, ?4, ?5, ?4
                        from webhook_endpoint e
                        where e.disabled_at is null
                          and e.organization_id in (select cast(a as uuid) from organization o,
                                  unnest(string_to_array(trim(both '/' from o.path), '/')) a where o.id = ?6)
                          and exists (select 1 from unnest(string_to_array(e.events, ',')) p
                                      where p = ?2 or p = '*' or (p like '%.*' and ?2 like left(p, -1) || '%'))""")
                .setParameter(1, eventId).setParameter(2, event.action()).setParameter(3, body(eventId, now, event))
                .setParameter(4, now).setParameter(5, now.plus(config.retryFor()))
                .setParameter(6, event.organizationId()).executeUpdate();
    }

    /** The event body: {@code {id, type, occurredAt, organizationId, data}}; {@code data} names the target. */
    private String body(UUID eventId, Instant occurredAt, DomainEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("targetType", event.targetType());
        data.put("targetId", event.targetId());
        data.put("actor", event.actor());
        data.putAll(event.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", event.action());
        body.put("occurredAt", occurredAt.toString());
        body.put("organizationId", event.organizationId().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event details must be plain JSON values", e);
        }
    }
}
