package io.longnam.tenancy;

import io.longnam.identity.Caller;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.ClientTokenAuthenticationMechanism.ClientTokenRequest;
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

/**
 * Turns a client token into an identity acting for its client: actor {@code client:<client id>}, the client's roles and permissions,
 * its organisation. Looked up on every request (one indexed query), never cached, so disabling a client is immediate.
 */
@ApplicationScoped
public class ClientTokenIdentityProvider implements IdentityProvider<ClientTokenRequest> {

    @Inject
    ClientService clients;

    @Override
    public Class<ClientTokenRequest> getRequestType() {
        return ClientTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ClientTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity lookup(String token) {
        ClientService.TokenHolder holder = clients.authenticate(token).orElseThrow(AuthenticationFailedException::new);
        String actor = AgencyClient.ACTOR_PREFIX + holder.publicId();
        return CurrentCaller.carrying(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(actor)),
                new Caller(actor, holder.organizationId(), holder.organizationPath(),
                        Role.expand(Role.split(holder.roles())))).build();
    }
}
