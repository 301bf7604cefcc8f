package io.longnam.identity;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.RoleDtos.CreateRole;
import io.longnam.identity.RoleDtos.RolePatch;
import io.longnam.identity.RoleDtos.RoleView;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CustomRoleService {

    @Inject
    OrganizationService organizations;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    /** The roles usable in the organisation: its own and those its ancestors define, nearest definition per name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoleView> list(Caller caller, UUID orgId) {
        Organization org = organizations.visible(caller, orgId);
        List<UUID> path = RoleResolver.ancestry(org);
        Map<String, CustomRole> nearest = new LinkedHashMap<>();
        CustomRole.<CustomRole>list("organizationId in ?1", path).stream()
                .sorted(Comparator.comparingInt((CustomRole r) -> path.indexOf(r.organizationId)))
                .forEach(r -> nearest.put(r.name, r));
        return new Page<>(nearest.values().stream().sorted(Comparator.comparing((CustomRole r) -> r.name))
                .map(r -> RoleView.of(r, org.id)).toList(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoleView get(Caller caller, UUID orgId, UUID roleId) {
        Organization org = organizations.visible(caller, orgId);
        CustomRole r = CustomRole.findById(roleId);
        if (r == null || !RoleResolver.ancestry(org).contains(r.organizationId)) {
            throw ProblemException.notFound("role", roleId);
        }
        return RoleView.of(r, org.id);
    }

    public RoleView create(Caller caller, UUID orgId, CreateRole request) {
        Organization org = organizations.visible(caller, orgId);
        String name = request.name();
        checkName(org.id, name, null);
        Set<Permission> permissions = parse(request.permissions());
        checkGrantable(caller, permissions, "create");
        CustomRole r = new CustomRole();
        r.id = UUID.randomUUID();
        r.organizationId = org.id;
        r.name = name;
        r.description = request.description();
        r.permissions = Permission.join(permissions);
        r.createdAt = clock.now();
        r.updatedAt = r.createdAt;
        r.createdBy = caller.actor();
        r.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "role.created", "role", r.id.toString(),
                Map.of("name", r.name, "permissions", r.permissions)));
        return RoleView.of(r, org.id);
    }

    public RoleView update(Caller caller, UUID orgId, UUID roleId, RolePatch patch) {
        CustomRole r = managed(caller, orgId, roleId, "change");
        Map<String, Object> changed = new LinkedHashMap<>();
        if (patch.name() != null && !patch.name().equals(r.name)) {
            checkName(r.organizationId, patch.name(), r.id);
            changed.put("name", patch.name());
            changed.put("previousName", r.name);
            r.name = patch.name();
        }
        if (patch.description() != null) {
            r.description = patch.description();
            changed.put("description", r.description);
        }
        if (patch.permissions() != null) {
            Set<Permission> permissions = parse(patch.permissions());
            checkGrantable(caller, permissions, "extend");
            changed.put("permissions", Permission.join(permissions));
            changed.put("previousPermissions", r.permissions);
            r.permissions = Permission.join(permissions);
        }
        if (!changed.isEmpty()) {
            r.updatedAt = clock.now();
            events.fire(new DomainEvent(r.organizationId, caller.actor(), "role.changed", "role", r.id.toString(), changed));
        }
        return RoleView.of(r, r.organizationId);
    }

    public RoleView delete(Caller caller, UUID orgId, UUID roleId) {
        CustomRole r = managed(caller, orgId, roleId, "delete");
        r.delete();
        events.fire(new DomainEvent(r.organizationId, caller.actor(), "role.deleted", "role", r.id.toString(),
                Map.of("name", r.name, "permissions", r.permissions)));
        return RoleView.of(r, r.organizationId);
    }

    /**
     * A role the organisation itself defines and whose permissions the caller holds: changing or deleting one that
     * confers more would take away, or rename away, rights the caller could not grant back.
     */
    private CustomRole managed(Caller caller, UUID orgId, UUID roleId, String verb) {
        Organization org = organizations.visible(caller, orgId);
        CustomRole r = CustomRole.findById(roleId);
        if (r == null || !r.organizationId.equals(org.id)) {
            throw ProblemException.notFound("role", roleId);
        }
        if (!caller.canGrantPermissions(r.permissionSet())) {
            throw ProblemException.forbidden("the role confers permissions the caller does not hold ("
                    + Permission.join(missing(caller, r.permissionSet())) + "), so the caller cannot " + verb + " it");
        }
        return r;
    }

    private static void checkGrantable(Caller caller, Set<Permission> permissions, String verb) {
        if (!caller.canGrantPermissions(permissions)) {
            throw ProblemException.forbidden("the caller cannot " + verb + " a role with permissions it does not hold ("
                    + Permission.join(missing(caller, permissions)) + ")");
        }
    }

    private static Set<Permission> missing(Caller caller, Set<Permission> wanted) {
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(wanted);
        missing.removeAll(caller.permissions());
        return missing;
    }

    private static void checkName(UUID orgId, String name, UUID except) {
        // Memberships name roles as text, so a custom AUDITOR would be ambiguous — in any letter case.
        if (Arrays.stream(Role.values()).anyMatch(b -> b.name().equalsIgnoreCase(name))) {
            throw ProblemException.conflict("built-in-role-name", "'" + name + "' is the name of a built-in role");
        }
        CustomRole same = CustomRole.<CustomRole>find("organizationId = ?1 and name = ?2", orgId, name).firstResult();
        if (same != null && !same.id.equals(except)) {
            throw ProblemException.conflict("duplicate-role-name", "the organisation already has a role named '" + name + "'");
        }
    }

    private static Set<Permission> parse(List<String> names) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String n : names) {
            out.add(Permission.of(n).orElseThrow(() -> ProblemException.invalid("permissions",
                    "unknown permission '" + n + "'; GET /api/v1/permissions lists them")));
        }
        return out;
    }
}
