package io.longnam.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting, whatever the way they authenticated (API key now, OIDC later): the permission checks and
 * tenant scoping of every service use only this.
 *
 * @param actor            stable, non-secret name for audit rows, e.g. {@code apikey:ln_ab12cd34}
 * @param organizationId   the organisation the caller belongs to
 * @param organizationPath its materialised path; the caller may act within this subtree
 * @param roles            the built-in roles held, expanded; custom roles show only through {@code permissions}
 * @param permissions      what the caller may do: the decisive set for every check
 */
public record Caller(String actor, UUID organizationId, String organizationPath, Set<Role> roles,
                     Set<Permission> permissions) {

    public static final String ORG_ID_ATTRIBUTE = "longnam.organization-id";
    public static final String ORG_PATH_ATTRIBUTE = "longnam.organization-path";
    public static final String API_KEY_ID_ATTRIBUTE = "longnam.api-key-id";
    public static final String USER_ID_ATTRIBUTE = "longnam.user-id";
    /**
     * A {@code ProblemException} telling why an authenticated identity may not act (pending or disabled account,
     * organisation not chosen): answered instead of a bare 401/403, so the person learns what to do.
     */
    public static final String REFUSAL_ATTRIBUTE = "longnam.refusal";

    public Caller {
        permissions = Collections.unmodifiableSet(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /** A caller whose rights are exactly those its built-in roles confer. */
    public Caller(String actor, UUID organizationId, String organizationPath, Set<Role> roles) {
        this(actor, organizationId, organizationPath, roles, Role.permissions(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Whether the caller could hand out every one of {@code granted}: only roles conferring nothing beyond its own
     * permissions, so no credential it issues, copies or widens — keys, clients, activation codes — outranks it.
     */
    public boolean canGrant(Set<Role> granted) {
        return canGrantPermissions(Role.permissions(granted));
    }

    /** {@link #canGrant} for what a custom role (or any bundle) confers. */
    public boolean canGrantPermissions(Set<Permission> conferred) {
        return permissions.containsAll(conferred);
    }

    /** Whether an organisation (given by its path) lies in the caller's subtree. */
    public boolean reaches(String path) {
        return path.startsWith(organizationPath);
    }

    public static Caller system(String what) {
        return new Caller("system:" + what, null, "/", Set.of(Role.values()));
    }
}
