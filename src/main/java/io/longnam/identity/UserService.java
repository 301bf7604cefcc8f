package io.longnam.identity;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import io.longnam.identity.UserDtos.AddMember;
import io.longnam.identity.UserDtos.MembershipView;
import io.longnam.identity.UserDtos.UserPatch;
import io.longnam.identity.UserDtos.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Administration of users. An administrator sees the users with a membership in its subtree; it may change or
 * remove a user only if every membership of that user lies in its subtree and holds roles it could grant itself —
 * otherwise disabling someone here would silently take rights away elsewhere.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    OrganizationService organizations;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;
    @Inject
    UserCache cache;
    @Inject
    RoleResolver resolver;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> list(Caller caller, UUID orgId, UserStatus status, String q, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        String members = "id in (select m.userId from Membership m, Organization o where o.id = m.organizationId"
                + " and o.path like :subtree)";
        if (orgId != null) {
            params.put("subtree", Organization.subtree(organizations.visible(caller, orgId).path));
            where.append(members);
        } else {
            params.put("subtree", Organization.subtree(caller.organizationPath()));
            // Pending users belong nowhere yet; only the platform sees them all (others approve by the id they are given).
            where.append(caller.has(Permission.PLATFORM_ADMIN)
                    ? "(" + members + " or id not in (select m2.userId from Membership m2))" : members);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(email) like :q)");
            params.put("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        where.append(NewestFirst.after(cursor, params));
        List<User> rows = User.<User>find(where + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, u -> new Cursor(u.createdAt, u.id), u -> view(caller, u));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(Caller caller, UUID id) {
        return view(caller, visible(caller, id));
    }

    public UserView patch(Caller caller, UUID id, UserPatch patch) {
        User u = managed(caller, id, "change");
        Map<String, Object> changed = new LinkedHashMap<>();
        if (patch.name() != null) {
            u.name = patch.name().strip();
            changed.put("name", "changed");
        }
        if (patch.email() != null) {
            u.email = patch.email().strip();
            changed.put("email", "changed");
        }
        if (patch.enabled() != null && patch.enabled() != (u.status != UserStatus.DISABLED)) {
            if (u.anonymisedAt != null) {
                throw ProblemException.conflict("user-deleted", "a deleted user cannot be enabled again");
            }
            u.status = patch.enabled() ? (hasMemberships(u.id) ? UserStatus.ACTIVE : UserStatus.PENDING)
                    : UserStatus.DISABLED;
            changed.put("status", u.status.name());
        }
        u.updatedAt = clock.now();
        cache.evict(u.id);
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "user.changed", "user", u.id.toString(),
                changed));
        return view(caller, u);
    }

    /** Blanks the personal data and ends every membership; the row stays, so audit rows naming user:<id> still resolve. */
    public void delete(Caller caller, UUID id) {
        User u = managed(caller, id, "delete");
        if (u.anonymisedAt != null) {
            return;
        }
        u.nationalId = null;
        u.email = null;
        u.name = null;
        // A later login by the same person starts afresh as a new pending user.
        u.subject = "deleted:" + u.id;
        u.status = UserStatus.DISABLED;
        u.anonymisedAt = clock.now();
        u.updatedAt = u.anonymisedAt;
        Membership.delete("userId", u.id);
        cache.evict(u.id);
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "user.deleted", "user", u.id.toString(),
                Map.of()));
    }

    /** Approves a user into an organisation with roles; a pending user becomes active. */
    public UserView addMember(Caller caller, UUID orgId, AddMember request) {
        Organization org = organizations.visible(caller, orgId);
        requireAdmin(caller);
        Set<String> roles = resolver.grantable(caller, org.id, request.roles());
        User u = User.findById(request.userId());
        // A pending user belongs nowhere and is approved by the id it reads from /me; a user already active elsewhere
        // joins another organisation only by redeeming that organisation's activation code, so knowing a user id never
        // lets an administrator pull someone in (and read their personal data).
        if (u == null || u.status == UserStatus.ACTIVE && !memberships(u.id).stream()
                .anyMatch(m -> caller.reaches(path(m.organizationId)))) {
            throw ProblemException.notFound("user", request.userId());
        }
        if (u.status == UserStatus.DISABLED) {
            throw ProblemException.conflict("user-disabled", "a disabled user cannot be given a membership");
        }
        if (Membership.count("userId = ?1 and organizationId = ?2", u.id, org.id) > 0) {
            throw ProblemException.conflict("already-member", "the user is already a member of this organisation");
        }
        addMembership(u, org.id, roles, caller.actor());
        events.fire(new DomainEvent(org.id, caller.actor(), "membership.created", "user", u.id.toString(),
                Map.of("roles", String.join(",", roles))));
        return view(caller, u);
    }

    /** Adds a membership (or widens an existing one) and activates a pending user. */
    void addMembership(User u, UUID orgId, Set<String> roles, String actor) {
        Membership m = Membership.<Membership>find("userId = ?1 and organizationId = ?2", u.id, orgId).firstResult();
        if (m == null) {
            m = new Membership();
            m.id = UUID.randomUUID();
            m.userId = u.id;
            m.organizationId = orgId;
            m.roles = String.join(",", new TreeSet<>(roles));
            m.createdAt = clock.now();
            m.createdBy = actor;
            m.persist();
        } else {
            Set<String> union = UserIdentities.roleNames(m.roles);
            union.addAll(roles);
            m.roles = String.join(",", union);
        }
        if (u.status == UserStatus.PENDING) {
            u.status = UserStatus.ACTIVE;
        }
        u.updatedAt = clock.now();
        cache.evict(u.id);
    }

    /** The user if the caller may see it (a membership in its subtree, or the platform); otherwise 404. */
    public User visible(Caller caller, UUID id) {
        User u = User.findById(id);
        if (u == null || !(caller.has(Permission.PLATFORM_ADMIN) || memberships(u.id).stream()
                .anyMatch(m -> caller.reaches(path(m.organizationId))))) {
            throw ProblemException.notFound("user", id);
        }
        return u;
    }

    private User managed(Caller caller, UUID id, String verb) {
        User u = visible(caller, id);
        requireAdmin(caller);
        for (Membership m : memberships(u.id)) {
            if (!caller.reaches(path(m.organizationId))
                    || !caller.canGrantPermissions(resolver.permissions(m.organizationId, UserIdentities.roleNames(m.roles)))) {
                throw ProblemException.forbidden("the user holds rights outside the caller's reach (in another"
                        + " organisation or roles the caller cannot grant), so the caller cannot " + verb + " it");
            }
        }
        return u;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Permission.USER_MANAGE)) {
            throw ProblemException.forbidden("managing users needs the permission user.manage");
        }
    }

    private static List<Membership> memberships(UUID userId) {
        return Membership.list("userId = ?1 order by createdAt", userId);
    }

    private static boolean hasMemberships(UUID userId) {
        return Membership.count("userId", userId) > 0;
    }

    private static String path(UUID orgId) {
        Organization o = Organization.findById(orgId);
        return o == null ? "" : o.path;
    }

    static List<MembershipView> membershipViews(UUID userId) {
        List<MembershipView> views = new ArrayList<>();
        for (Membership m : memberships(userId)) {
            Organization o = Organization.findById(m.organizationId);
            views.add(new MembershipView(m.organizationId, o == null ? null : o.name, UserIdentities.roleNames(m.roles),
                    m.createdAt));
        }
        return views;
    }

    /** Administrators reach only users with a membership in their subtree, so any administrator reading one may see it. */
    private static UserView view(Caller caller, User u) {
        return new UserView(u.id, u.status, u.name, u.email, caller.has(Permission.USER_MANAGE) ? u.nationalId : null,
                u.issuer, membershipViews(u.id), u.createdAt, u.updatedAt);
    }
}
