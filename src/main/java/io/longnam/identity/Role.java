package io.longnam.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles granted to API keys (and, later, to OIDC users through group membership). A role implies the roles
 * listed with it, so checks name the least role that may act.
 */
public enum Role {
    AUDITOR,
    REGISTRAR,
    SIGNER,
    ORG_ADMIN(AUDITOR, REGISTRAR, SIGNER),
    PLATFORM_ADMIN(ORG_ADMIN, AUDITOR, REGISTRAR, SIGNER);

    private final Role[] implied;

    Role(Role... implied) {
        this.implied = implied;
    }

    public static Set<Role> expand(Set<Role> granted) {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        for (Role r : granted) {
            all.add(r);
            all.addAll(java.util.List.of(r.implied));
        }
        return all;
    }

    /** Roles as stored in one text column: comma-separated names, sorted. */
    public static String join(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** The inverse of {@link #join}; blank means no roles. */
    public static Set<Role> split(String joined) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (joined != null) {
            java.util.Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    /** Names for {@code @RolesAllowed}, kept as constants so annotations and the enum cannot drift apart. */
    public static final class Names {
        public static final String AUDITOR = "AUDITOR";
        public static final String REGISTRAR = "REGISTRAR";
        public static final String SIGNER = "SIGNER";
        public static final String ORG_ADMIN = "ORG_ADMIN";
        public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

        private Names() {
        }
    }
}
