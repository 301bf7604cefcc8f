package io.longnam.identity;

import io.longnam.common.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@link Caller} of the current request, derived once from whichever mechanism authenticated it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = fromIdentity();
        }
        return caller;
    }

    /** The person behind the request; empty for API keys and agency clients, which act for no one in particular. */
    public Optional<UUID> userId() {
        return Optional.ofNullable(identity.getAttribute(Caller.USER_ID_ATTRIBUTE));
    }

    /**
     * Puts a caller's organisation, roles and permissions into an identity being built, in the form {@link #get}
     * reads back, so every way of authenticating yields the same {@link Caller}.
     */
    public static QuarkusSecurityIdentity.Builder carrying(QuarkusSecurityIdentity.Builder identity, Caller caller) {
        identity.addAttribute(Caller.ORG_ID_ATTRIBUTE, caller.organizationId())
                .addAttribute(Caller.ORG_PATH_ATTRIBUTE, caller.organizationPath());
        caller.roles().forEach(r -> identity.addRole(r.name()));
        caller.permissions().forEach(p -> identity.addPermissionAsString(p.value()));
        return identity;
    }

    private Caller fromIdentity() {
        if (identity.getAttribute(Caller.REFUSAL_ATTRIBUTE) instanceof ProblemException refusal) {
            throw refusal;
        }
        if (identity.isAnonymous() || identity.getAttribute(Caller.ORG_ID_ATTRIBUTE) == null) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // Custom role names (OIDC memberships) are not built-in roles: they count only through the permissions.
        for (String r : identity.getRoles()) {
            Role.of(r).ifPresent(roles::add);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (java.security.Permission p : identity.getPermissions()) {
            Permission.of(p.getName()).ifPresent(permissions::add);
        }
        return new Caller(identity.getPrincipal().getName(), (UUID) identity.getAttribute(Caller.ORG_ID_ATTRIBUTE),
                identity.getAttribute(Caller.ORG_PATH_ATTRIBUTE), roles, permissions);
    }
}
