package io.longnam.workflow;

import io.longnam.common.ProblemException;
import io.longnam.identity.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who a step waits on: active members of the document's organisation among the named users, holding the role
 * (through a membership or a group of the organisation, sub-groups included), or in the group and its sub-groups.
 * Resolved when a step starts, so people who joined or left meanwhile count as they are then.
 */
@ApplicationScoped
class SignerResolver {

    /** Active users who act in the organisation: a membership there, or a group of it (or below it) that grants roles. */
    private static final String MEMBERS = """
            select u.id from app_user u where u.status = 'ACTIVE' and (
              exists (select 1 from membership m where m.user_id = u.id and m.organization_id = :org)
              or exists (select 1 from group_member gm join user_group g on g.id = gm.group_id
                         where gm.user_id = u.id and g.organization_id = :org))""";

    @Inject
    EntityManager em;

    /** Refuses a step whose signers cannot be resolved (400/404) or resolve to nobody now (422). */
    void check(UUID organizationId, WorkflowDtos.StepDefinition step, int seq) {
        int kinds = (step.users() != null && !step.users().isEmpty() ? 1 : 0) + (step.role() != null ? 1 : 0)
                + (step.groupId() != null ? 1 : 0);
        if (kinds != 1) {
            throw ProblemException.invalid("steps[" + (seq - 1) + "]", "a step names its signers by exactly one of users, role or groupId");
        }
        if (step.users() != null && !step.users().isEmpty()) {
            List<UUID> members = members(organizationId, step.users());
            List<UUID> missing = step.users().stream().filter(u -> !members.contains(u)).distinct().toList();
            if (!missing.isEmpty()) {
                throw new ProblemException(422, "signer-not-member", "Unprocessable content", "step " + seq
                        + " names users who are not active members of the document's organisation: " + missing, null,
                        java.util.Map.of("users", missing.stream().map(UUID::toString).toList()));
            }
            return;
        }
        if (step.groupId() != null) {
            UserGroup g = UserGroup.findById(step.groupId());
            if (g == null || !g.organizationId.equals(organizationId)) {
                throw ProblemException.unprocessable("unknown-group", "step " + seq + ": group " + step.groupId()
                        + " is not a group of the document's organisation");
            }
        }
        if (resolve(organizationId, step.users(), step.role(), step.groupId()).isEmpty()) {
            throw ProblemException.unprocessable("no-signers", "step " + seq + " resolves to no active member of the"
                    + " document's organisation");
        }
    }

    /** The step's signers now, ordered by name so a mode ALL step lays its signatures out the same way each time. */
    List<UUID> resolve(UUID organizationId, List<UUID> users, String role, UUID groupId) {
        if (users != null && !users.isEmpty()) {
            List<UUID> members = members(organizationId, users);
            Set<UUID> ordered = new LinkedHashSet<>();
            users.stream().filter(members::contains).forEach(ordered::add);
            return new ArrayList<>(ordered);
        }
        if (role != null) {
            return ids("""
                    with recursive granting(id) as (
                        select g.id from user_group g where g.organization_id = :org
                          and :role = any(string_to_array(replace(g.roles, ' ', ''), ','))
                        union select c.id from user_group c join granting p on c.parent_id = p.id)
                    select u.id from app_user u where u.status = 'ACTIVE' and (
                      exists (select 1 from membership m where m.user_id = u.id and m.organization_id = :org
                              and :role = any(string_to_array(replace(m.roles, ' ', ''), ',')))
                      or exists (select 1 from group_member gm where gm.user_id = u.id
                                 and gm.group_id in (select id from granting)))
                    order by u.name, u.id""", organizationId, role, null);
        }
        return ids("""
                with recursive below(id) as (
                    select g.id from user_group g where g.id = :group and g.organization_id = :org
                    union select c.id from user_group c join below b on c.parent_id = b.id)
                select u.id from app_user u where u.status = 'ACTIVE'
                  and exists (select 1 from group_member gm where gm.user_id = u.id and gm.group_id in (select id from below))
                order by u.name, u.id""", organizationId, null, groupId);
    }

    private List<UUID> members(UUID organizationId, List<UUID> users) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery(MEMBERS + " and u.id in (:users)", UUID.class)
                .setParameter("org", organizationId).setParameter("users", users).getResultList();
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, UUID organizationId, String role, UUID groupId) {
        var q = em.createNativeQuery(sql, UUID.class).setParameter("org", organizationId);
        if (role != null) {
            q.setParameter("role", role.strip());
        }
        if (groupId != null) {
            q.setParameter("group", groupId);
        }
        return q.getResultList();
    }
}
