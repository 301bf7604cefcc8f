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

    /**
     * The person making the request. API keys and agency clients act for an organisation and are nobody's "me", so
     * operations on one's own things refuse them (403 {@code not-a-person}) even when their roles confer the permission.
     */
    public UUID userId() {
        get();
        UUID userId = identity.getAttribute(Caller.USER_ID_ATTRIBUTE);
        if (userId == null) {
            throw notAPerson("only people who log in through an identity provider have this; an API key or client acts"
                    + " for its organisation");
        }
        return userId;
    }

    /** The problem slug of {@link #userId()}'s refusal. */
    public static final String NOT_A_PERSON = "not-a-person";

    /** The refusal of an operation on one's own things to a caller that is nobody's "me". */
    static ProblemException notAPerson(String detail) {
        return new ProblemException(403, NOT_A_PERSON, "Forbidden", detail, null, null);
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
