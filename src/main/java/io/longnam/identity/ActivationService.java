package io.longnam.identity;

import io.longnam.audit.DomainEvent;
import io.longnam.audit.RequestOrigin;
import io.longnam.common.Clock;
import io.longnam.common.Hashes;
import io.longnam.common.ProblemException;
import io.longnam.common.RateLimiter;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import io.longnam.identity.OidcClaims.Person;
import io.longnam.identity.UserDtos.CreateActivationCode;
import io.longnam.identity.UserDtos.IssuedActivationCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Activation codes let an administrator admit a person before that person ever logs in: the code carries the
 * organisation and roles. 80 random bits, so a plain SHA-256 suffices as the stored form; guessing is further
 * throttled per user and per client address, and every failed attempt is audited.
 */
@ApplicationScoped
public class ActivationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Crockford's base32: no I, L, O, U, so codes read aloud or typed from paper survive.
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    private static final Duration MIN_LIFETIME = Duration.ofMinutes(5);
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);
    // A person mistyping a code needs a few tries; a guesser needs 2^80 / 10 minutes.
    private static final int ATTEMPTS_PER_MINUTE = 10;

    @Inject
    OrganizationService organizations;
    @Inject
    UserService users;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;
    @Inject
    RateLimiter limiter;
    @Inject
    RoleResolver resolver;
    @Inject
    RequestOrigin origin;

    @Transactional
    public IssuedActivationCode create(Caller caller, UUID orgId, CreateActivationCode request) {
        Organization org = organizations.visible(caller, orgId);
        if (!caller.has(Permission.USER_MANAGE)) {
            throw ProblemException.forbidden("issuing activation codes needs the permission user.manage");
        }
        Set<String> roles = resolver.grantable(caller, org.id, request.roles());
        Duration lifetime = lifetime(request.expiresIn());
        String code = newCode();
        ActivationCode c = new ActivationCode();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.codeHash = hash(code);
        c.nationalId = blankToNull(request.nationalId());
        c.email = blankToNull(request.email());
        c.roles = String.join(",", roles);
        c.createdAt = clock.now();
        c.expiresAt = c.createdAt.plus(lifetime);
        c.createdBy = caller.actor();
        c.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", c.roles);
        details.put("expiresAt", c.expiresAt.toString());
        details.put("boundToNationalId", c.nationalId != null);
        details.put("boundToEmail", c.email != null);
        events.fire(new DomainEvent(org.id, caller.actor(), "activation-code.created", "activation-code",
                c.id.toString(), details));
        return new IssuedActivationCode(c.id, org.id, format(code), roles, c.nationalId != null, c.email,
                c.expiresAt, c.createdAt);
    }

    /**
     * Redeems a code for the calling user. Refusals commit too (dontRollbackOn), so the audit row of a failed
     * attempt survives; a refusal changes nothing else.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ActivationCode redeem(UUID userId, Person person, String presented) {
        limiter.acquire("activation-user", userId.toString(), ATTEMPTS_PER_MINUTE);
        String ip = origin.clientIp();
        if (ip != null) {
            limiter.acquire("activation-ip", ip, ATTEMPTS_PER_MINUTE * 3);
        }
        ActivationCode c = ActivationCode.<ActivationCode>find("codeHash", hash(normalise(presented)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (c == null) {
            failed(rootOrganization(), userId, null, "unknown-code");
            throw new ProblemException(404, "activation-code-unknown", "Not found",
                    "this activation code does not exist; check it for typing errors", null, null);
        }
        Instant now = clock.now();
        if (c.usedAt != null) {
            failed(c.organizationId, userId, c.id, "already-used");
            throw ProblemException.conflict("activation-code-used", "this activation code has already been used");
        }
        if (!c.expiresAt.isAfter(now)) {
            failed(c.organizationId, userId, c.id, "expired");
            throw new ProblemException(410, "activation-code-expired", "Gone",
                    "this activation code expired at " + c.expiresAt + "; ask for a new one", null, null);
        }
        if ((c.nationalId != null && !c.nationalId.equals(person.nationalId()))
                || (c.email != null && !c.email.equalsIgnoreCase(person.email() == null ? "" : person.email()))) {
            failed(c.organizationId, userId, c.id, "other-person");
            throw ProblemException.forbidden("this activation code was issued for another person");
        }
        User u = User.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (u.status == UserStatus.DISABLED) {
            throw ProblemException.forbidden("this account has been disabled by an administrator");
        }
        c.usedAt = now;
        c.usedBy = userId;
        Set<String> roles = UserIdentities.roleNames(c.roles);
        users.addMembership(u, c.organizationId, roles, UserIdentities.actor(userId));
        events.fire(new DomainEvent(c.organizationId, UserIdentities.actor(userId), "user.activated", "user",
                userId.toString(), Map.of("activationCode", c.id.toString(), "roles", c.roles)));
        return c;
    }

    private void failed(UUID orgId, UUID userId, UUID codeId, String reason) {
        if (orgId == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        if (codeId != null) {
            details.put("activationCode", codeId.toString());
        }
        events.fire(new DomainEvent(orgId, UserIdentities.actor(userId), "activation.failed", "user",
                userId.toString(), details));
    }

    /** Attempts with a code nobody issued belong to no organisation: they go to the platform's own trail. */
    private static UUID rootOrganization() {
        return Organization.<Organization>find("parentId is null order by createdAt").firstResultOptional()
                .map(o -> o.id).orElse(null);
    }

    private static Duration lifetime(String expiresIn) {
        if (expiresIn == null || expiresIn.isBlank()) {
            return DEFAULT_LIFETIME;
        }
        try {
            Duration d = Duration.parse(expiresIn.strip());
            if (d.compareTo(MIN_LIFETIME) < 0 || d.compareTo(MAX_LIFETIME) > 0) {
                throw ProblemException.invalid("expiresIn", "expiresIn must be between PT5M and P30D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("expiresIn", "expiresIn must be an ISO-8601 duration such as PT1H");
        }
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Shown as XXXX-XXXX-XXXX-XXXX; accepted with or without dashes, spaces or case. */
    private static String format(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    static String normalise(String presented) {
        return presented.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hash(String normalisedCode) {
        return Hashes.sha256(normalisedCode.getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
