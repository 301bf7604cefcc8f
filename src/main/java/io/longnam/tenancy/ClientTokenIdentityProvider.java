package io.longnam.tenancy;

import io.longnam.identity.Caller;
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
import java.util.Set;

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
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("client:" + holder.publicId()))
                .addAttribute(Caller.ORG_ID_ATTRIBUTE, holder.organizationId())
                .addAttribute(Caller.ORG_PATH_ATTRIBUTE, holder.organizationPath());
        Set<Role> roles = Role.split(holder.roles());
        Role.expand(roles).forEach(r -> identity.addRole(r.name()));
        Role.permissions(roles).forEach(p -> identity.addPermissionAsString(p.value()));
        return identity.build();
    }
}
