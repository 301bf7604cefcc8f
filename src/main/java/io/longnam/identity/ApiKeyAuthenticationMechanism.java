package io.longnam.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer ln_...}. API keys are claimed here and JWT-shaped bearer tokens are left to the
 * OIDC mechanism. This one runs first (higher priority), so an API key is never handed to an identity provider and a
 * JWT never costs a key lookup. A token that is neither (a bootstrap key in a foreign format, garbage) is still
 * looked up as a key, which keeps such bootstrap keys working and answers garbage with the usual 401.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer ";
    static final String CLIENT_TOKEN_PREFIX = "lnt_";
    static final String KEY_PREFIX = "ln_";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(SCHEME.length()).trim();
        // Client tokens and JWTs have their own mechanisms; any other token is a key (a bootstrap key may have any format).
        if (token.isEmpty() || token.startsWith(CLIENT_TOKEN_PREFIX) || (!token.startsWith(KEY_PREFIX) && looksLikeJwt(token))) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(token));
    }

    /** Compact JWS/JWE: three or five dot-separated parts; no API key we issue contains a dot. */
    static boolean looksLikeJwt(String token) {
        long dots = token.chars().filter(c -> c == '.').count();
        return dots == 2 || dots == 4;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
