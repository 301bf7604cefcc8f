package io.longnam.identity;

import io.longnam.common.Clock;
import io.longnam.identity.OidcClaims.Person;
import io.longnam.identity.UserCache.Grant;
import io.longnam.identity.UserCache.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finds the user behind a verified token on every request, registering it (PENDING) on its first one. */
@ApplicationScoped
public class UserDirectory {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    UserCache cache;
    @Inject
    GroupService groups;

    Snapshot snapshot(Person person) {
        Snapshot cached = cache.get(person.issuer(), person.subject());
        if (cached != null) {
            return cached;
        }
        Snapshot loaded = load(person, System.nanoTime());
        cache.put(person.issuer(), person.subject(), loaded);
        return loaded;
    }

    @ActivateRequestContext
    @Transactional
    Snapshot load(Person person, long started) {
        User user = find(person);
        if (user == null) {
            // Two first requests of one person may race; the unique (issuer, subject) lets exactly one insert win.
            Instant now = clock.now();
            em.createNativeQuery("insert into app_user (id, issuer, subject, national_id, email, name, status,"
                            + " created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7, ?7)"
                            + " on conflict (issuer, subject) do nothing")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, person.issuer())
                    .setParameter(3, person.subject()).setParameter(4, person.nationalId())
                    .setParameter(5, person.email()).setParameter(6, person.name()).setParameter(7, now)
                    .executeUpdate();
            user = find(person);
        }
        return new Snapshot(user.id, user.status, grants(user.id), started);
    }

    private static User find(Person person) {
        return User.<User>find("issuer = ?1 and subject = ?2", person.issuer(), person.subject()).firstResult();
    }

    /**
     * Where the user may act and with which role names: its memberships, joined by what its groups grant. A group's
     * roles count as a membership of the group's organisation, so a user reached only through a group can act there.
     */
    private List<Grant> grants(UUID userId) {
        Map<UUID, Grant> byOrganization = new LinkedHashMap<>();
        em.createQuery("select m.organizationId, o.path, m.roles from Membership m, Organization o"
                        + " where o.id = m.organizationId and m.userId = :user order by o.path", Object[].class)
                .setParameter("user", userId).getResultStream()
                .forEach(r -> byOrganization.put((UUID) r[0], new Grant((UUID) r[0], (String) r[1], (String) r[2])));
        for (Object[] r : groups.grantsOf(userId)) {
            UUID org = (UUID) r[0];
            Grant direct = byOrganization.get(org);
            String roles = direct == null || direct.roles().isBlank() ? (String) r[2] : direct.roles() + "," + r[2];
            byOrganization.put(org, new Grant(org, (String) r[1], roles));
        }
        return byOrganization.values().stream().sorted(Comparator.comparing(Grant::organizationPath)).toList();
    }
}
