package io.longnam.identity;

import io.quarkus.security.PermissionsAllowed;

import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.identity.UserDtos.UserPatch;
import io.longnam.identity.UserDtos.UserView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Tag(name = "Users")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.USER_MANAGE)
public class UserResource {

    @Inject
    UserService service;
    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(Permission.Names.USER_READ)
    @Operation(operationId = "listUsers", summary = "List users with a membership in the caller's subtree (or in organizationId's), newest first", description = "q matches name or e-mail. Platform administrators also see users that belong nowhere yet (pending).")
    public Page<UserView> list(@QueryParam("organizationId") UUID organizationId, @QueryParam("status") UserStatus status,
                               @QueryParam("q") @Size(max = 200) String q, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), organizationId, status, q, cursor, Limits.of(limit));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.USER_READ)
    @Operation(operationId = "getUser", summary = "Get a user")
    public UserView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "updateUser", summary = "Change a user's name or e-mail, or disable (enabled: false) or re-enable it", description = "A disabled user's very next request is refused, whatever its token.")
    public UserView patch(@PathParam("id") UUID id, @Valid @NotNull UserPatch patch) {
        return service.patch(caller.get(), id, patch);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user", description = "Erases the personal data and every membership; the audit trail keeps the user's id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
