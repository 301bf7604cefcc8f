package io.longnam.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Reads {@code Authorization: Bearer lnt_...}, the tokens agency clients get from {@code POST /oauth2/token}. */
@ApplicationScoped
public class ClientTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The presented token, for the identity provider that knows client tokens. */
    public static final class ClientTokenRequest extends BaseAuthenticationRequest {
        private final String token;

        ClientTokenRequest(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        String scheme = ApiKeyAuthenticationMechanism.SCHEME;
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(scheme.length()).trim();
        if (!token.startsWith(ApiKeyAuthenticationMechanism.CLIENT_TOKEN_PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new ClientTokenRequest(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ClientTokenRequest.class);
    }

    /** Ahead of the OIDC mechanism, which would otherwise try to read a client token as a JWT and refuse it. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
