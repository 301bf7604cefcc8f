package io.longnam.webhook;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.SecretBox;
import io.longnam.common.mail.MailOutbox;
import io.longnam.identity.Permission;
import io.longnam.identity.RoleResolver;
import io.longnam.identity.UserStatus;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The worker's side of the outbox: claiming due deliveries and recording what each attempt found. */
@ApplicationScoped
public class WebhookDeliveries {

    static final String DISABLED_TEMPLATE = "webhook-disabled";
    // Admins are not known to want another language; Thai is what the service's people read.
    private static final Locale THAI = Locale.forLanguageTag("th-TH");
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'ICT'")
            .withZone(ZoneId.of("Asia/Bangkok"));

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    WebhooksConfig config;
    @Inject
    SecretBox secrets;
    @Inject
    Event<DomainEvent> events;
    @Inject
    MailOutbox mail;
    @Inject
    RoleResolver roleResolver;

    /** A delivery this worker holds until {@code next_attempt_at} (the lease) passes; {@code attempt} proves it. */
    public record Claim(UUID id, UUID endpointId, UUID eventId, String payload, int attempt, Instant giveUpAt,
                        String url, List<String> secrets) {
    }

    /** Claims up to {@code limit} due deliveries of enabled endpoints; rows other workers hold are skipped, not awaited. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claim> claim(int limit) {
        Instant now = clock.now();
        List<Object[]> rows = em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                            where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.disabled_at is null
                            order by d.next_attempt_at limit ?2
                            for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = ?3, attempts = d.attempts + 1, last_attempt_at = ?1
                        from due, webhook_endpoint e
                        where d.id = due.id and e.id = d.endpoint_id
                        returning d.id, d.endpoint_id, d.event_id, d.payload, d.attempts, d.give_up_at, e.url,
                                  e.secret_sealed, e.previous_secret_sealed, e.previous_secret_until""")
                .setParameter(1, now).setParameter(2, limit).setParameter(3, now.plus(config.lease()))
                .getResultList();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID endpoint = (UUID) r[1];
            String purpose = "webhook:" + endpoint;
            List<String> keys = new ArrayList<>(2);
            keys.add(secrets.openText((String) r[7], purpose));
            Instant previousUntil = r[9] == null ? null : (Instant) r[9];
            if (r[8] != null && previousUntil != null && previousUntil.isAfter(now)) {
                keys.add(secrets.openText((String) r[8], purpose));
            }
            claims.add(new Claim((UUID) r[0], endpoint, (UUID) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    (Instant) r[5], (String) r[6], List.copyOf(keys)));
        }
        return claims;
    }

    /**
     * Logs the attempt and decides what follows: delivered, tried again after a backoff, or given up once the retry
     * window has passed. An endpoint failing long enough is disabled, audited, and its admins mailed.
     * A claim whose lease another worker took over in the meantime only logs its attempt.
     */
    @Transactional
    public void record(Claim claim, Instant startedAt, int latencyMs, WebhookSender.Outcome outcome) {
        Instant now = clock.now();
        WebhookAttempt a = new WebhookAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = claim.id();
        a.attempt = claim.attempt();
        a.startedAt = startedAt;
        a.statusCode = outcome.statusCode();
        a.latencyMs = latencyMs;
        a.error = outcome.error();
        a.responseExcerpt = outcome.excerpt();
        a.createdAt = now;
        a.persist();
        if (outcome.succeeded()) {
            int updated = em.createNativeQuery("""
                            update webhook_delivery set status = 'DELIVERED', delivered_at = ?1
                            where id = ?2 and attempts = ?3 and status = 'PENDING'""")
                    .setParameter(1, now).setParameter(2, claim.id()).setParameter(3, claim.attempt()).executeUpdate();
            if (updated > 0) {
                em.createNativeQuery("update webhook_endpoint set consecutive_failures = 0, failing_since = null where id = ?1")
                        .setParameter(1, claim.endpointId()).executeUpdate();
            }
            return;
        }
        Instant next = now.plus(backoff(claim.attempt()));
        boolean givingUp = next.isAfter(claim.giveUpAt());
        int updated = em.createNativeQuery("""
                        update webhook_delivery set status = ?1, next_attempt_at = ?2
                        where id = ?3 and attempts = ?4 and status = 'PENDING'""")
                .setParameter(1, givingUp ? "FAILED" : "PENDING").setParameter(2, givingUp ? now : next)
                .setParameter(3, claim.id()).setParameter(4, claim.attempt()).executeUpdate();
        if (updated > 0) {
            countFailure(claim.endpointId(), now);
        }
    }

    private void countFailure(UUID endpointId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update webhook_endpoint set consecutive_failures = consecutive_failures + 1,
                                                    failing_since = coalesce(failing_since, ?1)
                        where id = ?2 and disabled_at is null
                        returning organization_id, consecutive_failures, failing_since, url""")
                .setParameter(1, now).setParameter(2, endpointId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] r = rows.getFirst();
        int failures = ((Number) r[1]).intValue();
        Instant since = (Instant) r[2];
        if (failures >= config.disableAfterFailures() && !since.plus(config.disableAfter()).isAfter(now)) {
            String reason = failures + " attempts in a row failed since " + since;
            em.createNativeQuery("update webhook_endpoint set disabled_at = ?1, disabled_reason = ?2 where id = ?3")
                    .setParameter(1, now).setParameter(2, reason).setParameter(3, endpointId).executeUpdate();
            events.fire(new DomainEvent((UUID) r[0], "system:webhooks", "webhook.disabled", "webhook",
                    endpointId.toString(), Map.of("url", r[3], "reason", reason)));
            tellAdmins((UUID) r[0], (String) r[3], failures, since);
        }
    }

    /**
     * Mails the organisation's admins (its active members whose roles there confer webhook.manage) in the disabling
     * transaction, so they learn of it exactly when it happened. Addresses the outbox would refuse are left out here:
     * a refusal inside this transaction would roll the disabling back with it.
     */
    private void tellAdmins(UUID organizationId, String url, int failures, Instant since) {
        Organization org = Organization.findById(organizationId);
        Set<String> sent = new HashSet<>();
        for (Object[] m : em.createQuery("""
                        select u.email, u.name, m.roles from Membership m, User u
                        where u.id = m.userId and m.organizationId = :org and u.status = :active
                          and u.email like '%_@_%' and length(u.email) <= 320""", Object[].class)
                .setParameter("org", organizationId).setParameter("active", UserStatus.ACTIVE).getResultList()) {
            String email = ((String) m[0]).strip();
            List<String> roles = Arrays.stream(((String) m[2]).split(",")).map(String::strip).filter(n -> !n.isEmpty())
                    .toList();
            if (!roles.isEmpty() && roleResolver.permissions(organizationId, roles).contains(Permission.WEBHOOK_MANAGE)
                    && sent.add(email.toLowerCase(Locale.ROOT))) {
                Map<String, Object> data = new HashMap<>();
                data.put("name", m[1]);
                data.put("organization", org.name);
                data.put("url", url);
                data.put("failures", failures);
                data.put("since", SINCE.format(since));
                mail.enqueue(email, DISABLED_TEMPLATE, THAI, data);
            }
        }
    }

    /** Doubling waits from {@code retryBase}, capped, with "equal jitter": between half and all of the wait. */
    Duration backoff(int attempt) {
        long base = config.retryBase().toMillis();
        long capped = Math.min(config.retryMaxDelay().toMillis(), base << Math.min(attempt - 1, 30));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
