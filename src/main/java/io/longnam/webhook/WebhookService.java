package io.longnam.webhook;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.common.SecretBox;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import io.longnam.webhook.WebhookDtos.AttemptView;
import io.longnam.webhook.WebhookDtos.CreateWebhook;
import io.longnam.webhook.WebhookDtos.DeliveryView;
import io.longnam.webhook.WebhookDtos.IssuedWebhook;
import io.longnam.webhook.WebhookDtos.WebhookPatch;
import io.longnam.webhook.WebhookDtos.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organisation's webhook endpoints, their secrets, and the deliveries made to them. */
@ApplicationScoped
@Transactional
public class WebhookService {

    @Inject
    OrganizationService organizations;
    @Inject
    EndpointAddresses addresses;
    @Inject
    SecretBox secrets;
    @Inject
    WebhooksConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public IssuedWebhook create(Caller caller, UUID orgId, CreateWebhook request) {
        Organization org = organizations.visible(caller, orgId);
        String url = checkedUrl(request.url());
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.organizationId = org.id;
        e.url = url;
        e.events = joinEvents(request.events());
        e.description = request.description() == null ? null : request.description().strip();
        String secret = StandardWebhooks.newSecret();
        e.secretSealed = secrets.sealText(secret, e.purpose());
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        e.createdBy = caller.actor();
        e.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "webhook.created", "webhook", e.id.toString(),
                Map.of("url", e.url, "events", e.events)));
        return new IssuedWebhook(e.id, e.organizationId, e.url, e.eventList(), e.description, secret, null, e.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(Caller caller, UUID orgId, String cursor, int limit) {
        Organization org = organizations.visible(caller, orgId);
        Map<String, Object> params = new HashMap<>();
        params.put("org", org.id);
        List<WebhookEndpoint> rows = WebhookEndpoint.<WebhookEndpoint>find("organizationId = :org"
                + NewestFirst.after(cursor, params) + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, e -> new Cursor(e.createdAt, e.id), WebhookView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(Caller caller, UUID orgId, UUID id) {
        return WebhookView.of(owned(caller, orgId, id));
    }

    public WebhookView patch(Caller caller, UUID orgId, UUID id, WebhookPatch patch) {
        WebhookEndpoint e = owned(caller, orgId, id);
        Map<String, Object> changed = new HashMap<>();
        if (patch != null && patch.url() != null) {
            e.url = checkedUrl(patch.url());
            changed.put("url", e.url);
        }
        if (patch != null && patch.events() != null) {
            e.events = joinEvents(patch.events());
            changed.put("events", e.events);
        }
        if (patch != null && patch.description() != null) {
            e.description = patch.description().strip();
            changed.put("description", e.description);
        }
        if (patch != null && patch.enabled() != null && patch.enabled() != (e.disabledAt == null)) {
            if (patch.enabled()) {
                e.disabledAt = null;
                e.disabledReason = null;
                e.consecutiveFailures = 0;
                e.failingSince = null;
            } else {
                e.disabledAt = clock.now();
                e.disabledReason = "disabled by " + caller.actor();
            }
            changed.put("enabled", patch.enabled());
        }
        if (!changed.isEmpty()) {
            e.updatedAt = clock.now();
            events.fire(new DomainEvent(e.organizationId, caller.actor(), "webhook.changed", "webhook", e.id.toString(),
                    changed));
        }
        return WebhookView.of(e);
    }

    public void delete(Caller caller, UUID orgId, UUID id) {
        WebhookEndpoint e = owned(caller, orgId, id);
        e.delete();
        events.fire(new DomainEvent(e.organizationId, caller.actor(), "webhook.deleted", "webhook", e.id.toString(),
                Map.of("url", e.url)));
    }

    /**
     * Issues a new secret; the previous one keeps signing alongside it for {@code overlap}, so receivers can switch
     * without dropping a delivery. A rotation during an overlap ends the older overlap: only two secrets ever sign.
     */
    public IssuedWebhook rotateSecret(Caller caller, UUID orgId, UUID id, Duration overlap) {
        WebhookEndpoint e = owned(caller, orgId, id);
        String secret = StandardWebhooks.newSecret();
        Instant now = clock.now();
        if (overlap.isZero()) {
            e.previousSecretSealed = null;
            e.previousSecretUntil = null;
        } else {
            e.previousSecretSealed = e.secretSealed;
            e.previousSecretUntil = now.plus(overlap);
        }
        e.secretSealed = secrets.sealText(secret, e.purpose());
        e.updatedAt = now;
        events.fire(new DomainEvent(e.organizationId, caller.actor(), "webhook.secret-rotated", "webhook",
                e.id.toString(), Map.of("overlap", overlap.toString())));
        return new IssuedWebhook(e.id, e.organizationId, e.url, e.eventList(), e.description, secret,
                e.previousSecretUntil, e.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(Caller caller, UUID orgId, UUID id, WebhookDelivery.Status status, String cursor,
                                         int limit) {
        WebhookEndpoint e = owned(caller, orgId, id);
        Map<String, Object> params = new HashMap<>();
        params.put("endpoint", e.id);
        String where = "endpointId = :endpoint";
        if (status != null) {
            params.put("status", status.name());
            where += " and status = :status";
        }
        List<WebhookDelivery> rows = WebhookDelivery.<WebhookDelivery>find(where + NewestFirst.after(cursor, params)
                + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, d -> new Cursor(d.createdAt, d.id), DeliveryView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttemptView> attempts(Caller caller, UUID orgId, UUID id, UUID deliveryId) {
        WebhookDelivery d = delivery(caller, orgId, id, deliveryId);
        return WebhookAttempt.<WebhookAttempt>find("deliveryId = ?1 order by attempt", d.id).stream()
                .map(AttemptView::of).toList();
    }

    /** Sends a delivery again from now, whatever became of it, with a fresh retry window; same event id. */
    public DeliveryView redeliver(Caller caller, UUID orgId, UUID id, UUID deliveryId) {
        WebhookDelivery d = delivery(caller, orgId, id, deliveryId);
        WebhookEndpoint e = WebhookEndpoint.findById(d.endpointId);
        if (e.disabledAt != null) {
            throw ProblemException.conflict("webhook-disabled", "the webhook is disabled; enable it before redelivering");
        }
        Instant now = clock.now();
        d.status = WebhookDelivery.Status.PENDING.name();
        d.nextAttemptAt = now;
        d.giveUpAt = now.plus(config.retryFor());
        events.fire(new DomainEvent(e.organizationId, caller.actor(), "webhook.redelivery-requested", "webhook",
                e.id.toString(), Map.of("deliveryId", d.id.toString(), "eventId", d.eventId.toString())));
        return DeliveryView.of(d);
    }

    private WebhookDelivery delivery(Caller caller, UUID orgId, UUID id, UUID deliveryId) {
        WebhookEndpoint e = owned(caller, orgId, id);
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null || !d.endpointId.equals(e.id)) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
        return d;
    }

    private WebhookEndpoint owned(Caller caller, UUID orgId, UUID id) {
        organizations.visible(caller, orgId);
        WebhookEndpoint e = WebhookEndpoint.findById(id);
        if (e == null || !e.organizationId.equals(orgId)) {
            throw ProblemException.notFound("webhook", id);
        }
        return e;
    }

    private String checkedUrl(String url) {
        URI uri = EndpointAddresses.parse(url.strip());
        try {
            addresses.resolve(uri);
        } catch (EndpointAddresses.Refused refused) {
            throw ProblemException.unprocessable("webhook-url-refused", "the webhook URL is refused: "
                    + refused.getMessage());
        }
        return uri.toString();
    }

    private static String joinEvents(List<String> events) {
        return String.join(",", new LinkedHashSet<>(events.stream().map(String::strip).toList()));
    }
}
