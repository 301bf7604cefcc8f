package io.longnam.identity;

import io.longnam.common.Clock;
import io.longnam.common.Hashes;
import io.longnam.common.ProblemException;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The gate before approving (TOR 2.5.6): in an organisation that requires two-factor, only a person holding a live
 * step-up grant of their own passes. Callers check it with {@link #require} at the start of the action.
 */
@ApplicationScoped
public class StepUpService {

    /** The request header that carries the grant from {@code POST /api/v1/me/step-up}. */
    public static final String HEADER = "X-Step-Up";

    @Inject
    Clock clock;

    /**
     * Passes when the caller's organisation does not require two-factor, or when {@code grant} is a live step-up grant
     * of the calling user; otherwise 403 {@code step-up-required}. Callers that are not people (API keys, clients) never
     * pass where two-factor is required. Internal system callers (no organisation) are not gated.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void require(Caller caller, String grant) {
        if (caller.organizationId() == null) {
            return;
        }
        Organization org = Organization.findById(caller.organizationId());
        if (org == null || !org.twoFactorRequired) {
            return;
        }
        Optional<UUID> user = UserIdentities.userId(caller);
        if (user.isEmpty()) {
            throw stepUpRequired("this organisation requires two-factor step-up before approving, so a person must approve:"
                    + " API keys and clients cannot");
        }
        if (!holds(user.get(), grant, clock.now())) {
            throw stepUpRequired((grant == null || grant.isBlank() ? "no step-up grant was sent" : "the step-up grant is"
                    + " unknown, expired or another person's") + ": this organisation requires two-factor before approving;"
                    + " call POST /api/v1/me/step-up with a TOTP or e-mail code and send the grant in the " + HEADER
                    + " header");
        }
    }

    /** Whether {@code grant} is a step-up grant of this user that has not expired at {@code now}. */
    static boolean holds(UUID userId, String grant, Instant now) {
        if (grant == null || grant.isBlank() || grant.length() > 200) {
            return false;
        }
        StepUpGrant g = StepUpGrant.<StepUpGrant>find("tokenHash", (Object) hash(grant.strip())).firstResult();
        return g != null && g.userId.equals(userId) && g.expiresAt.isAfter(now);
    }

    static ProblemException stepUpRequired(String detail) {
        return new ProblemException(403, "step-up-required", "Step-up required", detail, null,
                Map.of("header", HEADER, "stepUp", "/api/v1/me/step-up"));
    }

    static byte[] hash(String grant) {
        return Hashes.sha256(grant.getBytes(StandardCharsets.UTF_8));
    }
}
