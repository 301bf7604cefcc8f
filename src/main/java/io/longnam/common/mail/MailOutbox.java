package io.longnam.common.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.Clock;
import io.longnam.common.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mail is queued in PostgreSQL in the transaction of the change that causes it, so a rollback sends nothing and a
 * commit loses nothing; {@link MailWorker} sends it later. The rows' template values are sealed, since some (one-time
 * codes) are secrets.
 */
@ApplicationScoped
public class MailOutbox {

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };
    private static final int MAX_ERROR = 300;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SecretBox secrets;
    @Inject
    ObjectMapper json;
    @Inject
    MailTemplates templates;
    @Inject
    MailConfig config;

    /**
     * Queues a mail of {@code template} (see {@link MailTemplates}) in {@code locale}'s language to {@code to}.
     * Must run inside the caller's transaction. A template or address the code should never produce fails with
     * IllegalArgumentException; an address a person typed is the caller's to check first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String to, String template, Locale locale, Map<String, Object> data) {
        if (to == null || to.isBlank() || to.length() > 320 || !to.contains("@") || to.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a mail address");
        }
        String language = MailTemplates.language(locale);
        if (!templates.exists(template, language)) {
            throw new IllegalArgumentException("no mail template " + template + " in " + language);
        }
        OutboxMail m = new OutboxMail();
        m.id = UUID.randomUUID();
        m.recipient = to.strip();
        m.template = template;
        m.locale = language;
        m.data = secrets.seal(serialise(data), context(m.id));
        m.status = OutboxMail.Status.PENDING;
        m.createdAt = clock.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m.id;
    }

    /** A mail as claimed for one attempt: {@code attempt} fences its settling against a later claim. */
    record Claimed(UUID id, int attempt, String recipient, String template, String language, Map<String, Object> data,
                   Instant createdAt) {
    }

    /**
     * Claims up to {@code n} due mails for this instance: {@code skip locked} lets other instances claim others at the
     * same moment, and the lease (moving {@code next_attempt_at} on) keeps them from claiming these until it ends.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(int n) {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<OutboxMail> due = em.createNativeQuery("""
                        select * from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""", OutboxMail.class)
                .setParameter(1, now).setParameter(2, n).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (OutboxMail m : due) {
            m.attempts++;
            Map<String, Object> data = deserialise(m);
            if (data == null) {
                // Sealed under another key (a changed LONGNAM_SECRETS_KEY): no retry can ever read it.
                m.status = OutboxMail.Status.FAILED;
                m.failedAt = now;
                m.lastError = "the queued data does not open under the current secrets key";
                m.data = null;
                continue;
            }
            m.nextAttemptAt = now.plus(config.lease());
            claimed.add(new Claimed(m.id, m.attempts, m.recipient, m.template, m.locale, data, m.createdAt));
        }
        return claimed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(Claimed c, OutboxMail.Status how) {
        OutboxMail m = current(c);
        if (m != null) {
            m.status = how;
            m.data = null;
            m.lastError = null;
            m.sentAt = how == OutboxMail.Status.SENT ? clock.now() : null;
        }
    }

    /** Schedules the next attempt with exponential backoff and jitter, or gives up once the mail is too old. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    OutboxMail.Status failed(Claimed c, String error) {
        OutboxMail m = current(c);
        if (m == null) {
            return null;
        }
        Instant now = clock.now();
        m.lastError = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (!now.isBefore(m.createdAt.plus(config.giveUpAfter()))) {
            m.status = OutboxMail.Status.FAILED;
            m.failedAt = now;
            m.data = null;
        } else {
            m.nextAttemptAt = now.plus(backoff(m.attempts));
        }
        return m.status;
    }

    /**
     * first × 2^(attempt-1), capped, then a random share between half and all of it, so instances retrying after one
     * outage spread out instead of hitting the server together.
     */
    Duration backoff(int attempt) {
        long first = config.firstBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long full = attempt >= 31 ? max : Math.min(max, first << Math.max(0, attempt - 1));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    /** The row if this claim still owns it: another instance may have claimed it again after the lease ran out. */
    private OutboxMail current(Claimed c) {
        OutboxMail m = em.find(OutboxMail.class, c.id(), LockModeType.PESSIMISTIC_WRITE);
        return m != null && m.status == OutboxMail.Status.PENDING && m.attempts == c.attempt() ? m : null;
    }

    private byte[] serialise(Map<String, Object> data) {
        try {
            return json.writeValueAsBytes(data == null ? Map.of() : data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail data must be plain values (text, numbers, lists, maps)", e);
        }
    }

    private Map<String, Object> deserialise(OutboxMail m) {
        try {
            return json.readValue(secrets.open(m.data, context(m.id)), DATA);
        } catch (java.io.IOException | IllegalStateException e) {
            return null;
        }
    }

    private static String context(UUID mailId) {
        return "mail:" + mailId;
    }
}
