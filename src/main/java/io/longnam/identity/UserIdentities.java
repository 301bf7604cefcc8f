package io.longnam.identity;

import io.longnam.common.ProblemException;
import io.longnam.identity.OidcClaims.Person;
import io.longnam.identity.UserCache.Grant;
import io.longnam.identity.UserCache.Snapshot;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replaces the identity Quarkus OIDC builds from a verified token by one made from our own records: the user's
 * status and its membership in the organisation it acts for. Nothing the token says grants a role — an identity
 * provider asserts who someone is, never what they may do here.
 */
@ApplicationScoped
public class UserIdentities implements SecurityIdentityAugmentor {

    public static final String ORGANIZATION_HEADER = "X-Organization-Id";
    static final String STATUS_ATTRIBUTE = "longnam.user-status";
    static final String PERSON_ATTRIBUTE = "longnam.person";
    static final String MEMBERSHIPS_ATTRIBUTE = "longnam.memberships";
    private static final String OIDC_TENANT_ATTRIBUTE = "tenant-id";
    private static final String USER_ACTOR_PREFIX = "user:";

    @Inject
    UserDirectory directory;
    @Inject
    OidcClaims claims;
    @Inject
    RoleResolver resolver;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Person person = claims.person(identity.getAttribute(OIDC_TENANT_ATTRIBUTE), token);
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (http == null) {
            http = HttpSecurityUtils.getRoutingContextAttribute(identity);
        }
        String chosen = http == null ? null : http.request().getHeader(ORGANIZATION_HEADER);
        return context.runBlocking(() -> identity(person, directory.snapshot(person), chosen));
    }

    SecurityIdentity identity(Person person, Snapshot user, String chosenOrganization) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor(user.userId())))
                .addAttribute(Caller.USER_ID_ATTRIBUTE, user.userId())
                .addAttribute(STATUS_ATTRIBUTE, user.status())
                .addAttribute(PERSON_ATTRIBUTE, person)
                .addAttribute(MEMBERSHIPS_ATTRIBUTE, user.memberships());
        Acting acting = acting(user, chosenOrganization);
        if (acting.refusal() != null) {
            b.addAttribute(Caller.REFUSAL_ATTRIBUTE, acting.refusal());
        } else {
            CurrentCaller.carrying(b, asCaller(user.userId(), acting.membership()));
        }
        return b.build();
    }

    /**
     * The one place a membership becomes a {@link Caller}. Memberships store role names as text, so switching to
     * permissions (custom roles resolved per organisation) changes only this method.
     */
    Caller asCaller(UUID userId, Grant membership) {
        Set<String> names = roleNames(membership.roles());
        Set<Role> builtIn = EnumSet.noneOf(Role.class);
        names.forEach(n -> Role.of(n).ifPresent(builtIn::add));
        return new Caller(actor(userId), membership.organizationId(), membership.organizationPath(), Role.expand(builtIn),
                resolver.permissions(membership.organizationId(), names));
    }

    /**
     * Role names as memberships, codes and groups store them (comma-joined, possibly custom), sorted; they stay names
     * until resolved for an organisation.
     */
    static SortedSet<String> roleNames(String joined) {
        SortedSet<String> names = new TreeSet<>();
        if (joined != null) {
            for (String n : joined.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip());
                }
            }
        }
        return names;
    }

    public static String actor(UUID userId) {
        return USER_ACTOR_PREFIX + userId;
    }

    /** The user a caller acts as; empty for API keys, agency clients and the system. */
    public static Optional<UUID> userId(Caller caller) {
        return caller == null ? Optional.empty() : userIdOf(caller.actor());
    }

    /** The user an actor name (as stored in audit rows and {@code created_by} columns) stands for, if a person. */
    public static Optional<UUID> userIdOf(String actor) {
        if (actor == null || !actor.startsWith(USER_ACTOR_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(actor.substring(USER_ACTOR_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The membership the request acts through, or the refusal that explains why there is none. */
    private record Acting(Grant membership, ProblemException refusal) {
        static Acting through(Grant membership) {
            return new Acting(membership, null);
        }

        static Acting refused(ProblemException refusal) {
            return new Acting(null, refusal);
        }
    }

    private static Acting acting(Snapshot user, String chosenOrganization) {
        switch (user.status()) {
            case DISABLED:
                return Acting.refused(refusal(403, "account-disabled", "this account has been disabled by an administrator"));
            case PENDING:
                return Acting.refused(refusal(403, "account-pending", "this account awaits activation: an administrator"
                        + " must approve it, or redeem an activation code with POST /api/v1/me/activation; until then"
                        + " only GET /api/v1/me and POST /api/v1/me/activation are open to it"));
            default:
                break;
        }
        List<Grant> memberships = user.memberships();
        if (chosenOrganization != null) {
            UUID id;
            try {
                id = UUID.fromString(chosenOrganization.strip());
            } catch (IllegalArgumentException e) {
                return Acting.refused(ProblemException.invalid(ORGANIZATION_HEADER,
                        ORGANIZATION_HEADER + " must be an organisation id (UUID)"));
            }
            return memberships.stream().filter(m -> m.organizationId().equals(id)).findFirst().map(Acting::through)
                    .orElseGet(() -> Acting.refused(refusal(403, "not-a-member",
                            "this user is not a member of organisation " + id)));
        }
        if (memberships.size() == 1) {
            return Acting.through(memberships.get(0));
        }
        if (memberships.isEmpty()) {
            return Acting.refused(refusal(403, "no-membership", "this user belongs to no organisation any more"));
        }
        return Acting.refused(refusal(400, "organization-required", "this user belongs to " + memberships.size()
                + " organisations: name the one to act for in the " + ORGANIZATION_HEADER + " header"));
    }

    static ProblemException refusal(int status, String slug, String detail) {
        String title = status == 400 ? "Bad request" : "Forbidden";
        return new ProblemException(status, slug, title, detail, null, null);
    }
}
