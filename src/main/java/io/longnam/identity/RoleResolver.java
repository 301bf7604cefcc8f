package io.longnam.identity;

import io.longnam.common.ProblemException;

import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a set of role names confers in an organisation: built-in names, then custom roles defined by the organisation
 * or any ancestor. The nearest definition of a name wins, so a school may refine a role its district defined.
 * Unknown names confer nothing: a deleted role must stop granting, not break every login that still names it.
 */
@ApplicationScoped
public class RoleResolver {

    @ActivateRequestContext
    @Transactional
    public Set<Permission> permissions(UUID organizationId, Collection<String> roleNames) {
        return resolve(organizationId, roleNames).permissions();
    }

    /**
     * The role names a caller hands out in an organisation (to a membership, activation code or group), checked: each
     * is built-in or a custom role defined there or above (400 otherwise), and together they confer nothing the
     * caller lacks (403 otherwise).
     */
    @ActivateRequestContext
    @Transactional
    public Set<String> grantable(Caller caller, UUID organizationId, Collection<String> requested) {
        Set<String> names = new java.util.TreeSet<>();
        if (requested != null) {
            requested.forEach(n -> names.add(n.strip()));
        }
        Resolved resolved = resolve(organizationId, names);
        if (!resolved.unknown().isEmpty()) {
            throw ProblemException.invalid("roles", "no such role for this organisation: "
                    + String.join(", ", resolved.unknown()));
        }
        if (!caller.canGrantPermissions(resolved.permissions())) {
            throw ProblemException.forbidden("the caller cannot grant roles that confer permissions it does not hold ("
                    + String.join(", ", names) + ")");
        }
        return names;
    }

    /** What names confer, and which of them neither a built-in role nor a custom role on the path defines. */
    private record Resolved(Set<Permission> permissions, List<String> unknown) {
    }

    private static Resolved resolve(UUID organizationId, Collection<String> roleNames) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        List<String> custom = new ArrayList<>();
        for (String name : roleNames) {
            Role.of(name).ifPresentOrElse(r -> out.addAll(r.permissions()), () -> custom.add(name));
        }
        if (custom.isEmpty()) {
            return new Resolved(out, List.of());
        }
        Organization org = Organization.findById(organizationId);
        Map<String, CustomRole> defined = org == null ? Map.of() : definitions(org, custom);
        defined.values().forEach(r -> out.addAll(r.permissionSet()));
        return new Resolved(out, custom.stream().filter(n -> !defined.containsKey(n)).toList());
    }

    /** The definition in force for each of {@code names} that any organisation on {@code org}'s path defines. */
    static Map<String, CustomRole> definitions(Organization org, Collection<String> names) {
        List<UUID> path = ancestry(org);
        Map<String, CustomRole> nearest = new HashMap<>();
        for (CustomRole r : CustomRole.<CustomRole>list("organizationId in ?1 and name in ?2", path, names)) {
            nearest.merge(r.name, r, (a, b) -> path.indexOf(a.organizationId) > path.indexOf(b.organizationId) ? a : b);
        }
        return nearest;
    }

    /** The organisation's ids from the root down to itself, read from its materialised path. */
    static List<UUID> ancestry(Organization org) {
        return Arrays.stream(org.path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    }
}
