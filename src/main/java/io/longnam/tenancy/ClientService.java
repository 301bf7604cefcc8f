package io.longnam.tenancy;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.Hashes;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.RateLimiter;
import io.longnam.identity.Caller;
import io.longnam.identity.Role;
import io.longnam.tenancy.ClientDtos.ClientPatch;
import io.longnam.tenancy.ClientDtos.ClientView;
import io.longnam.tenancy.ClientDtos.CreateClient;
import io.longnam.tenancy.ClientDtos.IssuedClient;
import io.longnam.tenancy.ClientDtos.TokenResponse;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agency clients and their OAuth 2.0 client-credentials tokens (RFC 6749 §4.4). Tokens are opaque and looked up on
 * every request rather than self-contained JWTs, so disabling a client stops its tokens at once on every instance.
 * Secrets and tokens carry 256 random bits, so a plain SHA-256 is a sufficient hash, as for API keys.
 */
@ApplicationScoped
@Transactional
public class ClientService {

    static final String CLIENT_ID_PREFIX = "lnc_";
    static final String TOKEN_PREFIX = "lnt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ADDRESS_FACTOR = 10;
    private static final String ALPHANUM = "abcdefghijkmnopqrstuvwxyz23456789";

    /** A refusal of the token endpoint, answered in RFC 6749 §5.2 form. */
    public static final class TokenRefused extends RuntimeException {
        final int status;
        final String error;

        TokenRefused(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    /** Who a valid token speaks for. */
    public record TokenHolder(UUID clientId, String publicId, UUID organizationId, String organizationPath, String roles) {
    }

    @Inject
    OrganizationService organizations;
    @Inject
    ClientsConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;
    @Inject
    RateLimiter limiter;
    @Inject
    EntityManager em;

    public IssuedClient create(Caller caller, UUID orgId, CreateClient request) {
        Organization org = organizations.visible(caller, orgId);
        ApiKeyService.checkGrantable(caller, request.roles());
        String secret = random(32);
        AgencyClient c = new AgencyClient();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.clientId = CLIENT_ID_PREFIX + alphanumeric(16);
        c.name = request.name().strip();
        c.secretHash = Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
        c.roles = Role.join(request.roles());
        c.createdAt = clock.now();
        c.createdBy = caller.actor();
        c.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "client.created", "client", c.id.toString(),
                Map.of("clientId", c.clientId, "roles", c.roles)));
        return new IssuedClient(c.id, org.id, c.clientId, secret, c.name, c.roleSet(), c.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClientView> list(Caller caller, UUID orgId, String cursor, int limit) {
        Organization org = organizations.visible(caller, orgId);
        Map<String, Object> params = new HashMap<>();
        params.put("org", org.id);
        List<AgencyClient> rows = AgencyClient.<AgencyClient>find("organizationId = :org" + NewestFirst.after(cursor, params)
                + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, c -> new Cursor(c.createdAt, c.id), ClientView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientView get(Caller caller, UUID orgId, UUID id) {
        return ClientView.of(owned(caller, orgId, id));
    }

    public ClientView patch(Caller caller, UUID orgId, UUID id, ClientPatch patch) {
        AgencyClient c = owned(caller, orgId, id);
        if (!caller.canGrant(c.roleSet())) {
            throw ProblemException.forbidden("the client holds roles (" + c.roles + ") that the caller cannot grant, "
                    + "so the caller cannot change it");
        }
        if (patch != null && patch.enabled() != null && patch.enabled() != c.enabled()) {
            if (patch.enabled()) {
                c.disabledAt = null;
            } else {
                c.disabledAt = clock.now();
                em.createQuery("delete from ClientToken where clientId = :c").setParameter("c", c.id).executeUpdate();
            }
            events.fire(new DomainEvent(c.organizationId, caller.actor(), patch.enabled() ? "client.enabled" : "client.disabled",
                    "client", c.id.toString(), Map.of("clientId", c.clientId)));
        }
        return ClientView.of(c);
    }

    /**
     * The client-credentials grant. Failed attempts are audited and counted per client id and per address; past
     * {@code longnam.clients.failures-per-minute} (ten times that per address) the endpoint refuses even the right
     * secret until the minute ends,
     * which makes guessing a secret hopeless and tells the owner someone tried.
     */
    @Transactional(dontRollbackOn = TokenRefused.class)
    public TokenResponse issueToken(String authorization, String grantType, String clientAddress) {
        if (grantType == null || grantType.isBlank()) {
            throw new TokenRefused(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            throw new TokenRefused(400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        String[] credentials = basic(authorization);
        String publicId = credentials[0];
        int allowed = config.failuresPerMinute();
        // One address may be a gateway for many clients, and may spray guesses over many client ids: a wider bound.
        if (limiter.exceeded("client-auth-failure", publicId, allowed)
                || limiter.exceeded("client-auth-failure-address", clientAddress, allowed * ADDRESS_FACTOR)) {
            throw new TokenRefused(429, "slow_down", "too many failed attempts; retry after the current minute");
        }
        AgencyClient c = AgencyClient.<AgencyClient>find("clientId", publicId).firstResult();
        byte[] presented = Hashes.sha256(credentials[1].getBytes(StandardCharsets.UTF_8));
        if (c == null || !MessageDigest.isEqual(c.secretHash, presented) || !c.enabled()) {
            limiter.count("client-auth-failure", publicId);
            limiter.count("client-auth-failure-address", clientAddress);
            if (c != null) {
                events.fire(new DomainEvent(c.organizationId, AgencyClient.ACTOR_PREFIX + publicId, "client.authentication-failed",
                        "client", c.id.toString(), Map.of("clientId", c.clientId, "reason",
                        c.enabled() ? "wrong secret" : "client disabled")));
            }
            throw new TokenRefused(401, "invalid_client", "client authentication failed");
        }
        String token = TOKEN_PREFIX + random(32);
        ClientToken t = new ClientToken();
        t.tokenHash = hash(token);
        t.clientId = c.id;
        Instant now = clock.now();
        t.expiresAt = now.plus(config.tokenLifetime());
        t.persist();
        c.lastUsedAt = now;
        return new TokenResponse(token, "Bearer", config.tokenLifetime().toSeconds());
    }

    /** The holder of a presented token; empty when unknown, expired, or its client is disabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TokenHolder> authenticate(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.client_id, o.id as org, o.path, c.roles
                        from client_token t join agency_client c on c.id = t.client_id join organization o on o.id = c.organization_id
                        where t.token_hash = ?1 and t.expires_at > ?2 and c.disabled_at is null""")
                .setParameter(1, hash(token)).setParameter(2, clock.now()).getResultList();
        return rows.stream().findFirst().map(r -> new TokenHolder((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                (String) r[4]));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredTokens() {
        em.createQuery("delete from ClientToken where expiresAt < :now").setParameter("now", clock.now()).executeUpdate();
    }

    private AgencyClient owned(Caller caller, UUID orgId, UUID id) {
        organizations.visible(caller, orgId);
        AgencyClient c = AgencyClient.findById(id);
        if (c == null || !c.organizationId.equals(orgId)) {
            throw ProblemException.notFound("client", id);
        }
        return c;
    }

    /** RFC 6749 §2.3.1: HTTP Basic whose user and password are the form-encoded client id and secret. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new TokenRefused(401, "invalid_client", "client authentication with HTTP Basic is required");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("no client id");
            }
            return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new TokenRefused(401, "invalid_client", "the Basic credentials are not base64 of client_id:client_secret");
        }
    }

    static byte[] hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String alphanumeric(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        return s.toString();
    }
}
