package io.longnam.identity;

import io.longnam.common.Page;
import io.longnam.identity.RoleDtos.CreateRole;
import io.longnam.identity.RoleDtos.RolePatch;
import io.longnam.identity.RoleDtos.RoleView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@Path("/api/v1/organizations/{orgId}/roles")
@Tag(name = "Roles")
@SecurityRequirement(name = "apiKey")
public class RoleResource {

    @Inject
    CustomRoleService service;
    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(Permission.Names.ROLE_READ)
    @Operation(operationId = "listRoles", summary = "List the custom roles usable in an organisation", description = "Its own and those its ancestors define (inherited: true); built-in roles are listed by GET /api/v1/permissions.")
    public Page<RoleView> list(@PathParam("orgId") UUID orgId) {
        return service.list(caller.get(), orgId);
    }

    @POST
    @PermissionsAllowed(Permission.Names.ROLE_MANAGE)
    @Operation(operationId = "createRole", summary = "Create a custom role", description = "A named set of permissions; the caller must hold every one of them. Names of built-in roles are taken.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleView.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateRole request, @Context UriInfo uri) {
        RoleView created = service.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{roleId}")
    @PermissionsAllowed(Permission.Names.ROLE_READ)
    @Operation(operationId = "getRole", summary = "Get a custom role usable in an organisation")
    public RoleView get(@PathParam("orgId") UUID orgId, @PathParam("roleId") UUID roleId) {
        return service.get(caller.get(), orgId, roleId);
    }

    @PATCH
    @Path("{roleId}")
    @PermissionsAllowed(Permission.Names.ROLE_MANAGE)
    @Operation(operationId = "updateRole", summary = "Rename, describe or change the permissions of the organisation's own role", description = "permissions replaces the whole set; the caller must hold the old and the new permissions.")
    public RoleView update(@PathParam("orgId") UUID orgId, @PathParam("roleId") UUID roleId, @Valid @NotNull RolePatch patch) {
        return service.update(caller.get(), orgId, roleId, patch);
    }

    @DELETE
    @Path("{roleId}")
    @PermissionsAllowed(Permission.Names.ROLE_MANAGE)
    @Operation(operationId = "deleteRole", summary = "Delete the organisation's own role", description = "Whoever still holds it by name keeps no permission from it.")
    public RoleView delete(@PathParam("orgId") UUID orgId, @PathParam("roleId") UUID roleId) {
        return service.delete(caller.get(), orgId, roleId);
    }
}
