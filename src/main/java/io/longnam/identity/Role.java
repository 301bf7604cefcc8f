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
