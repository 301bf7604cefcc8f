package io.longnam.identity;

import static io.longnam.identity.Permission.*;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in roles, granted to API keys and to users' memberships: each confers a fixed set of {@link Permission}s.
 * A role implies the roles listed with it and everything they confer.
 */
public enum Role {
    // STEP_UP for every staff role: whoever a workflow names as an approver must be able to prove a second factor.
    AUDITOR(List.of(), DOCUMENT_READ, DOCUMENT_FILE_READ, DOCUMENT_VERIFY, LINK_READ, TEMPLATE_READ, JOB_READ, KEY_READ,
            ORGANIZATION_READ, AUDIT_READ, USER_READ, ROLE_READ, LOG_READ, WEBHOOK_READ,
            REPORT_READ, STEP_UP, WORKFLOW_READ),
    REGISTRAR(List.of(), DOCUMENT_REGISTER, LINK_MANAGE, TEMPLATE_READ, RENDER_CREATE, JOB_SUBMIT, JOB_CANCEL, JOB_READ,
            STEP_UP, WORKFLOW_READ, WORKFLOW_MANAGE),
    // A signer reads a document under approval through its workflow (workflow.read), not the whole registry, and
    // follows its bulk approvals as jobs.
    SIGNER(List.of(), DOCUMENT_SEAL, SIGNATURE_SELF, KEY_SELF, STEP_UP, WORKFLOW_READ, WORKFLOW_APPROVE, JOB_READ),
    // SELF_READ lets an administrator grant STUDENT, since nobody may confer a permission it lacks.
    ORG_ADMIN(List.of(AUDITOR, REGISTRAR, SIGNER), DOCUMENT_DELETE, TEMPLATE_MANAGE, KEY_MANAGE, APIKEY_MANAGE,
            ORGANIZATION_MANAGE, ORGANIZATION_SETTINGS, RETENTION_PURGE, USER_MANAGE, ROLE_MANAGE, GROUP_MANAGE,
            CLIENT_MANAGE, WEBHOOK_MANAGE, SELF_READ),
    PLATFORM_ADMIN(List.of(ORG_ADMIN, AUDITOR, REGISTRAR, SIGNER), Permission.values()),
    STUDENT(List.of(), SELF_READ);

    private final List<Role> implied;
    private final Set<Permission> permissions;

    Role(List<Role> implied, Permission... own) {
        this.implied = implied;
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(List.of(own));
        implied.forEach(r -> all.addAll(r.permissions));
        this.permissions = Collections.unmodifiableSet(all);
    }

    /** Everything the role confers, including what the roles it implies confer. */
    public Set<Permission> permissions() {
        return permissions;
    }

    public static Set<Permission> permissions(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions));
        return all;
    }

    public static Set<Role> expand(Set<Role> granted) {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        for (Role r : granted) {
            all.add(r);
            all.addAll(r.implied);
        }
        return all;
    }

    /** The built-in role of that name, if it is one; other names are organisations' custom roles. */
    public static Optional<Role> of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Roles as stored in one text column: comma-separated names, sorted. */
    public static String join(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** The inverse of {@link #join}; blank means no roles. */
    public static Set<Role> split(String joined) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (joined != null) {
            Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    /** Role names as constants, so configuration and code naming a role cannot drift from the enum. */
    public static final class Names {
        public static final String AUDITOR = "AUDITOR";
        public static final String REGISTRAR = "REGISTRAR";
        public static final String SIGNER = "SIGNER";
        public static final String ORG_ADMIN = "ORG_ADMIN";
        public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
        public static final String STUDENT = "STUDENT";

        private Names() {
        }
    }
}
