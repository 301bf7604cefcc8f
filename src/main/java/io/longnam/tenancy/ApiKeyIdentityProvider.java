package io.longnam.tenancy;

import io.longnam.identity.Caller;
import io.longnam.identity.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Turns an API key into the same kind of identity an OIDC login will produce: principal, roles, organisation. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    ApiKeyService keys;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.getToken().getToken()));
    }

    @ActivateRequestContext
    @Transactional
    SecurityIdentity lookup(String presented) {
        ApiKey key = keys.authenticate(presented).orElseThrow(AuthenticationFailedException::new);
        Organization org = Organization.findById(key.organizationId);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("apikey:" + key.prefix))
                .addAttribute(Caller.ORG_ID_ATTRIBUTE, org.id)
                .addAttribute(Caller.ORG_PATH_ATTRIBUTE, org.path);
        Role.expand(key.roleSet()).forEach(r -> identity.addRole(r.name()));
        return identity.build();
    }
}
