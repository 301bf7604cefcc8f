package io.longnam.identity;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.GroupDtos.CreateGroup;
import io.longnam.identity.GroupDtos.GroupMemberView;
import io.longnam.identity.GroupDtos.GroupPatch;
import io.longnam.identity.GroupDtos.GroupView;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Groups of users (TOR 2.8.3). A group's roles apply in its organisation to its members and to the members of every
 * sub-group below it, so a district can grant one role to "all registrars of its schools" through nested groups.
 * Changing a group changes what its users may do: their cached identities are evicted at once.
 */
@ApplicationScoped
@Transactional
public class GroupService {

    private static final int MAX_DEPTH = 16;

    @Inject
    OrganizationService organizations;
    @Inject
    UserService users;
    @Inject
    RoleResolver resolver;
    @Inject
    UserCache cache;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    Event<DomainEvent> events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupView> list(Caller caller, UUID orgId) {
        Organization org = organizations.visible(caller, orgId);
        return new Page<>(UserGroup.<UserGroup>list("organizationId = ?1 order by name", org.id).stream()
                .map(this::view).toList(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView get(Caller caller, UUID orgId, UUID groupId) {
        return view(owned(caller, orgId, groupId));
    }

    public GroupView create(Caller caller, UUID orgId, CreateGroup request) {
        Organization org = organizations.visible(caller, orgId);
        Set<String> roles = resolver.grantable(caller, org.id, request.roles());
        String name = request.name().strip();
        if (UserGroup.count("organizationId = ?1 and name = ?2", org.id, name) > 0) {
            throw ProblemException.conflict("duplicate-name", "the organisation already has a group named " + name);
        }
        UserGroup g = new UserGroup();
        g.id = UUID.randomUUID();
        g.organizationId = org.id;
        g.parentId = request.parentId() == null ? null : parent(caller, org, request.parentId(), g.id).id;
        g.name = name;
        g.roles = String.join(",", roles);
        g.createdAt = clock.now();
        g.createdBy = caller.actor();
        g.updatedAt = g.createdAt;
        g.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "group.created", "group", g.id.toString(),
                Map.of("name", g.name, "roles", g.roles, "parentId", String.valueOf(g.parentId))));
        return view(g);
    }

    public GroupView patch(Caller caller, UUID orgId, UUID groupId, GroupPatch patch) {
        UserGroup g = managed(caller, orgId, groupId);
        Organization org = Organization.findById(g.organizationId);
        if (patch.name() != null && !patch.name().strip().equals(g.name)) {
            String name = patch.name().strip();
            if (UserGroup.count("organizationId = ?1 and name = ?2", g.organizationId, name) > 0) {
                throw ProblemException.conflict("duplicate-name", "the organisation already has a group named " + name);
            }
            g.name = name;
        }
        if (patch.roles() != null) {
            g.roles = String.join(",", resolver.grantable(caller, g.organizationId, patch.roles()));
        }
        if (Boolean.TRUE.equals(patch.detach())) {
            g.parentId = null;
        } else if (patch.parentId() != null) {
            g.parentId = parent(caller, org, patch.parentId(), g.id).id;
        }
        g.updatedAt = clock.now();
        affectedUsers(g.id).forEach(cache::evict);
        events.fire(new DomainEvent(g.organizationId, caller.actor(), "group.changed", "group", g.id.toString(),
                Map.of("name", g.name, "roles", g.roles, "parentId", String.valueOf(g.parentId))));
        return view(g);
    }

    public void delete(Caller caller, UUID orgId, UUID groupId) {
        UserGroup g = managed(caller, orgId, groupId);
        if (UserGroup.count("parentId", g.id) > 0) {
            throw ProblemException.conflict("group-has-subgroups", "move or delete the group's sub-groups first");
        }
        affectedUsers(g.id).forEach(cache::evict);
        g.delete();
        events.fire(new DomainEvent(g.organizationId, caller.actor(), "group.deleted", "group", g.id.toString(),
                Map.of("name", g.name)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupMemberView> members(Caller caller, UUID orgId, UUID groupId) {
        UserGroup g = owned(caller, orgId, groupId);
        List<GroupMemberView> rows = em.createQuery("select u.id, u.name, u.status, m.addedAt, m.addedBy from"
                        + " GroupMember m, User u where u.id = m.userId and m.groupId = :g order by m.addedAt", Object[].class)
                .setParameter("g", g.id).getResultStream()
                .map(r -> new GroupMemberView((UUID) r[0], (String) r[1], (UserStatus) r[2], (Instant) r[3], (String) r[4]))
                .toList();
        return new Page<>(rows, null);
    }

    public GroupMemberView addMember(Caller caller, UUID orgId, UUID groupId, UUID userId) {
        UserGroup g = managed(caller, orgId, groupId);
        User u = users.visible(caller, userId);
        Instant now = clock.now();
        em.createNativeQuery("insert into group_member (group_id, user_id, added_at, added_by) values (?1, ?2, ?3, ?4)"
                        + " on conflict do nothing")
                .setParameter(1, g.id).setParameter(2, u.id).setParameter(3, now).setParameter(4, caller.actor())
                .executeUpdate();
        cache.evict(u.id);
        events.fire(new DomainEvent(g.organizationId, caller.actor(), "group.member-added", "group", g.id.toString(),
                Map.of("userId", u.id.toString())));
        return new GroupMemberView(u.id, u.name, u.status, now, caller.actor());
    }

    public void removeMember(Caller caller, UUID orgId, UUID groupId, UUID userId) {
        UserGroup g = managed(caller, orgId, groupId);
        int removed = em.createNativeQuery("delete from group_member where group_id = ?1 and user_id = ?2")
                .setParameter(1, g.id).setParameter(2, userId).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("group member", userId);
        }
        cache.evict(userId);
        events.fire(new DomainEvent(g.organizationId, caller.actor(), "group.member-removed", "group", g.id.toString(),
                Map.of("userId", userId.toString())));
    }

    /**
     * The organisations where a user's groups grant roles, and the role names they grant there: every group the user
     * is a member of, and every group above those.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<Object[]> grantsOf(UUID userId) {
        return em.createNativeQuery("""
                        with recursive reached(id, parent_id, depth) as (
                            select g.id, g.parent_id, 1 from user_group g join group_member m on m.group_id = g.id
                            where m.user_id = ?1
                            union
                            select p.id, p.parent_id, r.depth + 1 from user_group p join reached r on p.id = r.parent_id
                            where r.depth < ?2)
                        select o.id, o.path, string_agg(g.roles, ',') from user_group g
                        join organization o on o.id = g.organization_id
                        where g.id in (select id from reached) and g.roles <> ''
                        group by o.id, o.path""")
                .setParameter(1, userId).setParameter(2, MAX_DEPTH).getResultList();
    }

    private GroupView view(UserGroup g) {
        long members = GroupMember.count("groupId", g.id);
        return new GroupView(g.id, g.organizationId, g.parentId, g.name, UserIdentities.roleNames(g.roles),
                members, g.createdAt, g.createdBy, g.updatedAt);
    }

    private UserGroup owned(Caller caller, UUID orgId, UUID groupId) {
        organizations.visible(caller, orgId);
        UserGroup g = UserGroup.findById(groupId);
        if (g == null || !g.organizationId.equals(orgId)) {
            throw ProblemException.notFound("group", groupId);
        }
        return g;
    }

    /** A group whose roles the caller could grant itself: otherwise changing it would hand out rights it lacks. */
    private UserGroup managed(Caller caller, UUID orgId, UUID groupId) {
        UserGroup g = owned(caller, orgId, groupId);
        if (!caller.canGrantPermissions(resolver.permissions(g.organizationId, UserIdentities.roleNames(g.roles)))) {
            throw ProblemException.forbidden("the group grants roles the caller cannot grant, so the caller cannot change it");
        }
        return g;
    }

    /** The parent for {@code groupId}: visible to the caller, in the same organisation or above it, and no cycle. */
    private UserGroup parent(Caller caller, Organization org, UUID parentId, UUID groupId) {
        UserGroup p = UserGroup.findById(parentId);
        Organization parentOrg = p == null ? null : Organization.findById(p.organizationId);
        if (parentOrg == null || !caller.reaches(parentOrg.path) || !org.path.startsWith(parentOrg.path)) {
            throw ProblemException.invalid("parentId", "parentId must be a group of this organisation or of one above it");
        }
        UUID at = p.id;
        for (int depth = 0; at != null; depth++) {
            if (at.equals(groupId) || depth >= MAX_DEPTH) {
                throw ProblemException.conflict("group-cycle", "a group cannot be nested in itself or deeper than "
                        + MAX_DEPTH + " levels");
            }
            UserGroup up = UserGroup.findById(at);
            at = up == null ? null : up.parentId;
        }
        return p;
    }

    /** Members of the group and of every group below it. */
    @SuppressWarnings("unchecked")
    private List<UUID> affectedUsers(UUID groupId) {
        return em.createNativeQuery("""
                        with recursive below(id) as (
                            select ?1 union select g.id from user_group g join below b on g.parent_id = b.id)
                        select distinct m.user_id from group_member m where m.group_id in (select id from below)""", UUID.class)
                .setParameter(1, groupId).getResultList();
    }
}
