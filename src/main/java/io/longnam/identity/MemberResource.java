package io.longnam.identity;

import io.longnam.identity.UserDtos.AddMember;
import io.longnam.identity.UserDtos.CreateActivationCode;
import io.longnam.identity.UserDtos.IssuedActivationCode;
import io.longnam.identity.UserDtos.UserView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The two ways an administrator admits a user into an organisation. */
@Path("/api/v1/organizations/{orgId}")
@Tag(name = "Users")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.USER_MANAGE)
public class MemberResource {

    @Inject
    UserService users;
    @Inject
    ActivationService activation;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("members")
    @Operation(operationId = "addMember", summary = "Approve a user into the organisation with roles", description = "A pending user becomes active. Only roles the caller holds can be granted.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response addMember(@PathParam("orgId") UUID orgId, @Valid @NotNull AddMember request, @Context UriInfo uri) {
        UserView user = users.addMember(caller.get(), orgId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/users").path(user.id().toString()).build()).entity(user).build();
    }

    @POST
    @Path("activation-codes")
    @Operation(operationId = "createActivationCode", summary = "Issue a single-use activation code", description = "The response carries the code itself; it is never shown again. Bound to nationalId or email, it admits only that person.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedActivationCode.class)))
    public Response createCode(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateActivationCode request) {
        IssuedActivationCode issued = activation.create(caller.get(), orgId, request);
        return Response.status(201).header("Cache-Control", "no-store").entity(issued).build();
    }
}
