package io.longnam.identity;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.ProblemException;
import io.longnam.common.SecretBox;
import io.longnam.common.mail.MailOutbox;
import io.longnam.identity.TwoFactorDtos.EmailCodeSent;
import io.longnam.identity.TwoFactorDtos.StepUpMethod;
import io.longnam.identity.TwoFactorDtos.StepUpGrantView;
import io.longnam.identity.TwoFactorDtos.StepUpRequest;
import io.longnam.identity.TwoFactorDtos.TotpEnrolmentStarted;
import io.longnam.identity.TwoFactorDtos.TotpState;
import io.longnam.identity.TwoFactorDtos.TwoFactorStatus;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * People's second factors (TOTP, codes by e-mail) and the step-up grants they buy. Every code check runs under a
 * per-user lock, so concurrent attempts cannot both spend one TOTP step or slip past the failure limit; wrong codes
 * are counted in the database (the limit holds across restarts and instances) and audited, and their refusals commit.
 */
@ApplicationScoped
public class TwoFactorService {

    static final String EMAIL_CODE_TEMPLATE = "email-code";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GRANT_PREFIX = "lnsu_";
    private static final Duration FORGET_CODES_AFTER = Duration.ofDays(1);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SecretBox secrets;
    @Inject
    MailOutbox mail;
    @Inject
    TwoFactorConfig config;
    @Inject
    Event<DomainEvent> events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TwoFactorStatus status(Caller caller) {
        UUID userId = person(caller);
        TotpEnrolment totp = TotpEnrolment.findById(userId);
        TotpState state = totp == null ? TotpState.NONE : totp.confirmedAt == null ? TotpState.PENDING : TotpState.ACTIVE;
        User user = User.findById(userId);
        return new TwoFactorStatus(required(caller), state, totp == null ? null : totp.confirmedAt, user.email);
    }

    /**
     * Starts (or restarts) an enrolment: a new secret, shown only in this answer. An active authenticator must be
     * removed first, which takes a step-up with it, so a stolen session cannot swap in its own.
     */
    @Transactional
    public TotpEnrolmentStarted startTotp(Caller caller) {
        UUID userId = person(caller);
        lock(userId);
        TotpEnrolment e = TotpEnrolment.findById(userId);
        if (e != null && e.confirmedAt != null) {
            throw ProblemException.conflict("totp-already-enrolled", "this account already has an authenticator: remove it"
                    + " (DELETE /api/v1/me/two-factor/totp with a step-up grant in " + StepUpService.HEADER + ") first");
        }
        if (e == null) {
            e = new TotpEnrolment();
            e.userId = userId;
        }
        byte[] secret = Totp.newSecret();
        e.secret = secrets.seal(secret, totpContext(userId));
        e.createdAt = clock.now();
        e.lastStep = null;
        e.persist();
        User user = User.findById(userId);
        String account = user.email != null ? user.email : user.name != null ? user.name : userId.toString();
        String base32 = Totp.base32(secret);
        audit(caller, userId, "two-factor.totp-enrolment-started", Map.of());
        return new TotpEnrolmentStarted(Totp.uri(config.issuer(), account, base32), base32, config.issuer(), account,
                "SHA1", Totp.DIGITS, (int) Totp.STEP.getSeconds(), e.createdAt);
    }

    /** Activates a pending enrolment with a first valid code, which is spent like any other. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TwoFactorStatus confirmTotp(Caller caller, String code) {
        UUID userId = person(caller);
        lock(userId);
        throttle(userId);
        TotpEnrolment e = TotpEnrolment.findById(userId);
        if (e == null || e.confirmedAt != null) {
            throw ProblemException.conflict("no-pending-totp", "there is no pending authenticator to confirm: start one with"
                    + " POST /api/v1/me/two-factor/totp");
        }
        spendTotp(caller, userId, e, code);
        e.confirmedAt = clock.now();
        audit(caller, userId, "two-factor.totp-enrolled", Map.of());
        return status(caller);
    }

    /** Removes the authenticator; an active one only with a step-up grant, proof the person still holds a factor. */
    @Transactional
    public void removeTotp(Caller caller, String grant) {
        UUID userId = person(caller);
        lock(userId);
        TotpEnrolment e = TotpEnrolment.findById(userId);
        if (e == null) {
            throw ProblemException.notFound("authenticator of user", userId);
        }
        if (e.confirmedAt != null && !StepUpService.holds(userId, grant, clock.now())) {
            throw StepUpService.stepUpRequired("removing an active authenticator needs a step-up grant: call"
                    + " POST /api/v1/me/step-up and send the grant in the " + StepUpService.HEADER + " header");
        }
        e.delete();
        audit(caller, userId, "two-factor.totp-removed", Map.of("wasActive", e.confirmedAt != null));
    }

    /** Mails a fresh six-digit code; it retires any earlier one still unused. */
    @Transactional
    public EmailCodeSent sendEmailCode(Caller caller, Locale locale) {
        UUID userId = person(caller);
        lock(userId);
        User user = User.findById(userId);
        if (user.email == null || user.email.isBlank()) {
            throw ProblemException.unprocessable("email-missing", "this account has no e-mail address to send a code to;"
                    + " use an authenticator app instead");
        }
        Instant now = clock.now();
        em.createQuery("delete from EmailCode where userId = ?1 and createdAt < ?2").setParameter(1, userId)
                .setParameter(2, now.minus(FORGET_CODES_AFTER)).executeUpdate();
        long recent = EmailCode.count("userId = ?1 and createdAt > ?2", userId, now.minus(config.failureWindow()));
        if (recent >= config.emailCodesPerWindow()) {
            throw tooMany(config.emailCodesPerWindow() + " codes were sent in the last "
                    + config.failureWindow().toMinutes() + " minutes; wait before asking for another", retryAfter(
                    EmailCode.<EmailCode>find("userId = ?1 and createdAt > ?2 order by createdAt", userId,
                            now.minus(config.failureWindow())).firstResult().createdAt, now));
        }
        em.createQuery("update EmailCode set expiresAt = ?2 where userId = ?1 and usedAt is null and expiresAt > ?2")
                .setParameter(1, userId).setParameter(2, now).executeUpdate();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        EmailCode c = new EmailCode();
        c.id = UUID.randomUUID();
        c.userId = userId;
        c.codeHash = secrets.mac(emailContext(userId), code);
        c.createdAt = now;
        c.expiresAt = now.plus(config.emailCodeLifetime());
        c.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("minutes", config.emailCodeLifetime().toMinutes());
        data.put("name", user.name);
        mail.enqueue(user.email, EMAIL_CODE_TEMPLATE, locale, data);
        audit(caller, userId, "two-factor.email-code-sent", Map.of("expiresAt", c.expiresAt.toString()));
        return new EmailCodeSent(user.email, c.expiresAt);
    }

    /** Trades a valid code for a step-up grant. Wrong codes count against the user's limit and are audited. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public StepUpGrantView stepUp(Caller caller, StepUpRequest request) {
        UUID userId = person(caller);
        lock(userId);
        throttle(userId);
        if (request.method() == StepUpMethod.TOTP) {
            TotpEnrolment e = TotpEnrolment.findById(userId);
            if (e == null || e.confirmedAt == null) {
                throw ProblemException.conflict("totp-not-enrolled", "this account has no confirmed authenticator: enrol"
                        + " one with POST /api/v1/me/two-factor/totp, or use method EMAIL");
            }
            spendTotp(caller, userId, e, request.code());
        } else {
            spendEmailCode(caller, userId, request.code());
        }
        Instant now = clock.now();
        em.createQuery("delete from TwoFactorFailure where userId = ?1").setParameter(1, userId).executeUpdate();
        em.createQuery("delete from StepUpGrant where userId = ?1 and expiresAt <= ?2").setParameter(1, userId)
                .setParameter(2, now).executeUpdate();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = GRANT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StepUpGrant g = new StepUpGrant();
        g.tokenHash = StepUpService.hash(token);
        g.id = UUID.randomUUID();
        g.userId = userId;
        g.organizationId = caller.organizationId();
        g.method = request.method().name();
        g.createdAt = now;
        g.expiresAt = now.plus(config.grantLifetime());
        g.persist();
        audit(caller, userId, "two-factor.verified", Map.of("method", g.method, "grant", g.id.toString(),
                "expiresAt", g.expiresAt.toString()));
        return new StepUpGrantView(token, g.expiresAt, request.method(), StepUpService.HEADER);
    }

    /** A deleted user's factors and grants go with the account. */
    void onUserDeleted(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        if (!"user.deleted".equals(event.action())) {
            return;
        }
        UUID userId = UUID.fromString(event.targetId());
        TotpEnrolment.delete("userId", userId);
        EmailCode.delete("userId", userId);
        StepUpGrant.delete("userId", userId);
        TwoFactorFailure.delete("userId", userId);
    }

    private void spendTotp(Caller caller, UUID userId, TotpEnrolment e, String code) {
        byte[] secret = secrets.open(e.secret, totpContext(userId));
        OptionalLong step = Totp.matchingStep(secret, code, clock.now());
        if (step.isEmpty()) {
            throw fail(caller, userId, StepUpMethod.TOTP, "wrong-code");
        }
        if (e.lastStep != null && step.getAsLong() <= e.lastStep) {
            throw fail(caller, userId, StepUpMethod.TOTP, "replayed");
        }
        e.lastStep = step.getAsLong();
    }

    private void spendEmailCode(Caller caller, UUID userId, String code) {
        Instant now = clock.now();
        EmailCode live = EmailCode.<EmailCode>find("userId = ?1 and usedAt is null and expiresAt > ?2 order by createdAt desc",
                userId, now).firstResult();
        if (live == null) {
            throw fail(caller, userId, StepUpMethod.EMAIL, "no-live-code");
        }
        if (!SecretBox.same(live.codeHash, secrets.mac(emailContext(userId), code))) {
            throw fail(caller, userId, StepUpMethod.EMAIL, "wrong-code");
        }
        live.usedAt = now;
    }

    /** Counts and audits a failed attempt; the refusal is the same whatever was wrong, so nothing leaks. */
    private ProblemException fail(Caller caller, UUID userId, StepUpMethod method, String reason) {
        TwoFactorFailure f = new TwoFactorFailure();
        f.userId = userId;
        f.failedAt = clock.now();
        f.persist();
        audit(caller, userId, "two-factor.failed", Map.of("method", method.name(), "reason", reason));
        return ProblemException.unprocessable("two-factor-code-invalid", "the code is wrong, expired or already used"
                + " (each code works once); after " + config.maxFailures() + " wrong codes in "
                + config.failureWindow().toMinutes() + " minutes further attempts wait");
    }

    /** 429 while the user's failures within the sliding window have reached the limit, until the oldest leaves it. */
    private void throttle(UUID userId) {
        Instant now = clock.now();
        Instant since = now.minus(config.failureWindow());
        em.createQuery("delete from TwoFactorFailure where userId = ?1 and failedAt <= ?2").setParameter(1, userId)
                .setParameter(2, since).executeUpdate();
        long failures = TwoFactorFailure.count("userId = ?1 and failedAt > ?2", userId, since);
        if (failures >= config.maxFailures()) {
            Instant oldest = TwoFactorFailure.<TwoFactorFailure>find("userId = ?1 and failedAt > ?2 order by failedAt",
                    userId, since).firstResult().failedAt;
            throw tooMany("too many wrong codes: " + failures + " in the last " + config.failureWindow().toMinutes()
                    + " minutes", retryAfter(oldest, now));
        }
    }

    private long retryAfter(Instant oldestInWindow, Instant now) {
        return Math.max(1, Duration.between(now, oldestInWindow.plus(config.failureWindow())).toSeconds() + 1);
    }

    private static ProblemException tooMany(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "two-factor-throttled", "Too many requests",
                detail + "; retry after " + retryAfterSeconds + " s", null, Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    /** Serialises one user's code checks and enrolment changes until commit. */
    private void lock(UUID userId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 13))")
                .setParameter(1, userId.toString()).getSingleResult();
    }

    private boolean required(Caller caller) {
        Organization org = Organization.findById(caller.organizationId());
        return org != null && org.twoFactorRequired;
    }

    private void audit(Caller caller, UUID userId, String action, Map<String, Object> details) {
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), action, "user", userId.toString(), details));
    }

    /** The user behind the caller; keys and clients have no second factor of their own. */
    static UUID person(Caller caller) {
        return UserIdentities.userId(caller).orElseThrow(() -> CurrentCaller.notAPerson(
                "second factors and step-up grants belong to people who log in; API keys and clients have none"));
    }

    private static String totpContext(UUID userId) {
        return "totp:" + userId;
    }

    private static String emailContext(UUID userId) {
        return "email-code:" + userId;
    }
}
