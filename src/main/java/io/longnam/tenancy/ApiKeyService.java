package io.longnam.tenancy;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.Hashes;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.Role;
import io.longnam.tenancy.ApiKeyDtos.ApiKeyView;
import io.longnam.tenancy.ApiKeyDtos.CreateApiKey;
import io.longnam.tenancy.ApiKeyDtos.IssuedApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API keys look like {@code ln_<8-char prefix>_<43-char secret>}: 256 random bits, so a plain SHA-256 is a
 * sufficient, constant-cost hash (a slow password hash would only add latency to every request).
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "abcdefghijkmnopqrstuvwxyz23456789";
    // last_used_at is a hint, not an audit record: write it at most this often per key.
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    @Inject
    OrganizationService organizations;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;
    @Inject
    ApiKeyCache cache;

    public IssuedApiKey create(Caller caller, UUID orgId, CreateApiKey request) {
        Organization org = organizations.visible(caller, orgId);
        checkGrantable(caller, request.roles());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.now())) {
            throw ProblemException.invalid("expiresAt", "expiresAt must be in the future");
        }
        return issue(org.id, request.name(), request.roles(), request.expiresAt(), null, caller.actor(), newSecret());
    }

    /** Stores a new key; a rotation is audited as one ({@code api-key.rotated}, naming the old key and its new expiry). */
    IssuedApiKey issue(UUID orgId, String name, Set<Role> roles, Instant expiresAt, ApiKey rotatedFrom, String actor,
                       String key) {
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.organizationId = orgId;
        k.name = name;
        k.prefix = prefixOf(key);
        k.secretHash = hash(key);
        k.roleSet(roles);
        k.expiresAt = expiresAt;
        k.rotatedFrom = rotatedFrom == null ? null : rotatedFrom.id;
        k.createdAt = clock.now();
        k.createdBy = actor;
        k.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("prefix", k.prefix);
        details.put("roles", k.roles);
        details.put("expiresAt", String.valueOf(expiresAt));
        if (rotatedFrom != null) {
            details.put("rotatedFrom", rotatedFrom.id.toString());
            details.put("rotatedFromPrefix", rotatedFrom.prefix);
            details.put("oldKeyExpiresAt", rotatedFrom.expiresAt.toString());
        }
        events.fire(new DomainEvent(orgId, actor, rotatedFrom == null ? "api-key.created" : "api-key.rotated", "api-key",
                k.id.toString(), details));
        return new IssuedApiKey(k.id, orgId, name, k.prefix, k.roleSet(), expiresAt, k.createdAt, key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyView> list(Caller caller, UUID orgId, String cursor, int limit) {
        organizations.visible(caller, orgId);
        Map<String, Object> params = new HashMap<>(Map.of("org", orgId));
        List<ApiKey> rows = ApiKey.<ApiKey>find("organizationId = :org" + NewestFirst.after(cursor, params) + NewestFirst.ORDER,
                params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, k -> new Cursor(k.createdAt, k.id), ApiKeyView::of);
    }

    public ApiKeyView revoke(Caller caller, UUID orgId, UUID keyId) {
        ApiKey k = managed(caller, orgId, keyId, "revoke");
        if (k.revokedAt == null) {
            k.revokedAt = clock.now();
            cache.invalidate(k.id);
            events.fire(new DomainEvent(k.organizationId, caller.actor(), "api-key.revoked", "api-key",
                    k.id.toString(), Map.of("prefix", k.prefix)));
        }
        return ApiKeyView.of(k);
    }

    /**
     * Issues a replacement with the same name, roles and original expiry — a rotation renews the secret, never the
     * rights. The old key keeps working for {@code overlap} so integrators can roll deployments, then stops.
     */
    public IssuedApiKey rotate(Caller caller, UUID orgId, UUID keyId, Duration overlap) {
        ApiKey old = managed(caller, orgId, keyId, "rotate");
        Instant now = clock.now();
        if (!old.usableAt(now)) {
            throw ProblemException.conflict("key-not-active", "only an active key can be rotated");
        }
        Instant originalExpiry = old.expiresAt;
        Instant oldEnds = now.plus(overlap);
        if (old.expiresAt == null || old.expiresAt.isAfter(oldEnds)) {
            old.expiresAt = oldEnds;
            cache.invalidate(old.id);
        }
        return issue(old.organizationId, old.name, old.roleSet(), originalExpiry, old, caller.actor(), newSecret());
    }

    /** Looks a presented key up by its hash; empty when unknown, revoked or expired. */
    public Optional<ApiKey> authenticate(String presented) {
        Instant now = clock.now();
        Optional<ApiKey> key = ApiKey.<ApiKey>find("secretHash", hash(presented)).firstResultOptional()
                .filter(k -> k.usableAt(now));
        key.ifPresent(k -> {
            if (k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
                k.lastUsedAt = now;
            }
        });
        return key;
    }

    /**
     * A key of the caller's subtree whose roles the caller could itself grant: managing a key that outranks you would
     * let you re-issue (rotate) or take away (revoke) rights you do not hold.
     */
    private ApiKey managed(Caller caller, UUID orgId, UUID keyId, String verb) {
        organizations.visible(caller, orgId);
        ApiKey k = ApiKey.findById(keyId);
        if (k == null || !k.organizationId.equals(orgId)) {
            throw ProblemException.notFound("api-key", keyId);
        }
        if (!caller.canGrant(k.roleSet())) {
            throw ProblemException.forbidden("the key holds roles (" + Role.join(k.roleSet())
                    + ") that the caller cannot grant, so the caller cannot " + verb + " it");
        }
        return k;
    }

    /** Refuses (403) handing out roles that confer more than the caller holds; keys and clients alike. */
    static void checkGrantable(Caller caller, Set<Role> roles) {
        if (!caller.canGrant(roles)) {
            throw ProblemException.forbidden("the caller cannot grant roles it does not hold (" + Role.join(roles) + ")");
        }
    }

    static String newSecret() {
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "ln_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The visible part of a key; for a bootstrap key in a foreign format, a short digest stands in. */
    static String prefixOf(String key) {
        if (key.startsWith("ln_") && key.length() > 12 && key.charAt(11) == '_') {
            return key.substring(0, 11);
        }
        return "bs_" + Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    static byte[] hash(String key) {
        return Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    }
}
