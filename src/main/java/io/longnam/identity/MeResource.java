package io.longnam.identity;

import io.longnam.common.ProblemException;
import io.longnam.identity.UserCache.Grant;
import io.longnam.identity.UserDtos.Me;
import io.longnam.identity.UserDtos.Redeem;
import io.longnam.tenancy.ApiKey;
import io.longnam.tenancy.Organization;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The two operations open to every authenticated caller, pending users included. */
@Path("/api/v1/me")
@Tag(name = "Users")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
@Authenticated
public class MeResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    ActivationService activation;
    @Inject
    UserIdentities identities;

    @GET
    @Operation(operationId = "getMe", summary = "Who the caller is", description = "For a user: status, the organisation it acts for (chosen with X-Organization-Id when it has several), roles and memberships. For an API key: its id, prefix, organisation and roles.")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Me me() {
        UUID keyId = identity.getAttribute(Caller.API_KEY_ID_ATTRIBUTE);
        if (keyId != null) {
            UUID orgId = identity.getAttribute(Caller.ORG_ID_ATTRIBUTE);
            return new Me(null, keyId, identity.getPrincipal().getName().substring(ApiKey.ACTOR_PREFIX.length()), null,
                    orgId, organizationName(orgId), roles(), permissions(), null, null, null, null);
        }
        UUID userId = user();
        ProblemException refusal = identity.getAttribute(Caller.REFUSAL_ATTRIBUTE);
        // A pending user, or one that has not named an organisation, may still look at itself; these may not.
        if (refusal != null && Set.of("account-disabled", "not-a-member", "validation").contains(refusal.slug())) {
            throw refusal;
        }
        User u = User.findById(userId);
        UUID orgId = identity.getAttribute(Caller.ORG_ID_ATTRIBUTE);
        return new Me(u.id, null, null, u.status, orgId, organizationName(orgId), roles(), permissions(),
                UserService.membershipViews(u.id), u.name, u.email, u.nationalId);
    }

    @POST
    @Path("activation")
    @Operation(operationId = "redeemActivationCode", summary = "Redeem an activation code", description = "Admits the calling user into the code's organisation with the code's roles. Unknown code 404, used 409, expired 410, issued for another person 403; attempts are throttled.")
    @APIResponse(responseCode = "410", description = "The code expired")
    @APIResponse(responseCode = "429", description = "Too many attempts this minute")
    @APIResponse(responseCode = "200", description = "Admitted: the caller as it now is", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    public Me activate(@Valid @NotNull Redeem request) {
        UUID userId = user();
        ProblemException refusal = identity.getAttribute(Caller.REFUSAL_ATTRIBUTE);
        if (refusal != null && "account-disabled".equals(refusal.slug())) {
            throw refusal;
        }
        ActivationCode c = activation.redeem(userId, identity.getAttribute(UserIdentities.PERSON_ATTRIBUTE),
                request.code());
        User u = User.findById(userId);
        String joinedRoles = membershipRoles(userId, c.organizationId);
        Caller acting = identities.asCaller(userId, new Grant(c.organizationId, null, joinedRoles));
        Set<String> roles = UserIdentities.roleNames(joinedRoles);
        Set<String> permissions = new TreeSet<>();
        acting.permissions().forEach(p -> permissions.add(p.value()));
        return new Me(userId, null, null, u.status, c.organizationId, organizationName(c.organizationId), roles, permissions,
                UserService.membershipViews(userId), u.name, u.email, u.nationalId);
    }

    private static String membershipRoles(UUID userId, UUID orgId) {
        Membership m = Membership.<Membership>find("userId = ?1 and organizationId = ?2", userId, orgId).firstResult();
        return m == null ? "" : m.roles;
    }

    private UUID user() {
        UUID userId = identity.getAttribute(Caller.USER_ID_ATTRIBUTE);
        if (userId == null) {
            throw ProblemException.forbidden("only users who log in through an identity provider have a profile here");
        }
        return userId;
    }

    private static String organizationName(UUID orgId) {
        Organization org = orgId == null ? null : Organization.findById(orgId);
        return org == null ? null : org.name;
    }

    private Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    private Set<String> permissions() {
        Set<String> names = new TreeSet<>();
        identity.getPermissions().forEach(p -> names.add(p.getName()));
        return names;
    }
}
