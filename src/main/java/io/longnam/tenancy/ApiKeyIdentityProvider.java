package io.longnam.tenancy;

import io.longnam.identity.ApiKeyAuthenticationRequest;
import io.longnam.identity.Caller;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Turns an API key into the same kind of identity an OIDC login will produce: principal, roles, permissions, organisation. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiKeyService keys;
    @Inject
    ApiKeyCache cache;
    @Inject
    io.longnam.common.Clock clock;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.key();
        byte[] hash = ApiKeyService.hash(presented);
        SecurityIdentity cached = cache.get(hash, clock.now());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return context.runBlocking(() -> {
            long started = System.nanoTime();
            ApiKeyCache.Entry loaded = lookup(presented, started);
            cache.put(hash, loaded);
            return loaded.identity();
        });
    }

    @ActivateRequestContext
    @Transactional
    ApiKeyCache.Entry lookup(String presented, long started) {
        ApiKey key = keys.authenticate(presented).orElseThrow(AuthenticationFailedException::new);
        Organization org = Organization.findById(key.organizationId);
        String actor = ApiKey.ACTOR_PREFIX + key.prefix;
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor))
                .addAttribute(Caller.API_KEY_ID_ATTRIBUTE, key.id);
        CurrentCaller.carrying(identity, new Caller(actor, org.id, org.path, Role.expand(key.roleSet())));
        return new ApiKeyCache.Entry(identity.build(), key.id, key.expiresAt, started);
    }
}
