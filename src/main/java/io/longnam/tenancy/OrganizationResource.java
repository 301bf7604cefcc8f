package io.longnam.tenancy;

import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.tenancy.OrganizationDtos.CreateOrganization;
import io.longnam.tenancy.OrganizationDtos.OrganizationView;
import io.longnam.tenancy.OrganizationDtos.SettingsPatch;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/organizations")
@Tag(name = "Organizations")
@SecurityRequirement(name = "apiKey")
public class OrganizationResource {

    @Inject
    OrganizationService service;
    @Inject
    CurrentCaller caller;

    @POST
    @PermissionsAllowed(Permission.Names.ORGANIZATION_MANAGE)
    @Operation(operationId = "createOrganization", summary = "Create an organisation", description = "Needs an administrator of an ancestor; without parentId the organisation is created under the caller's own.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Response create(@Valid @NotNull CreateOrganization request, @Context UriInfo uri) {
        OrganizationView created = service.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.ORGANIZATION_READ)
    @Operation(operationId = "listOrganizations", summary = "List the child organisations of an organisation (default: the caller's)")
    public Page<OrganizationView> children(@QueryParam("parentId") UUID parentId, @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") Integer limit) {
        return service.children(caller.get(), parentId, cursor, Limits.of(limit));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.ORGANIZATION_READ)
    @Operation(operationId = "getOrganization", summary = "Get an organisation in the caller's subtree")
    public OrganizationView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @PATCH
    @Path("{id}/settings")
    @PermissionsAllowed(Permission.Names.ORGANIZATION_SETTINGS)
    @Operation(operationId = "updateOrganizationSettings", summary = "Change an organisation's settings (timestamping, default signature level, retention)")
    @APIResponse(responseCode = "422", description = "Timestamping cannot be switched on without a time-stamp authority (`tsa-not-configured`)")
    @APIResponse(responseCode = "200", description = "The organisation with its new settings", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public OrganizationView settings(@PathParam("id") UUID id, @Valid @NotNull SettingsPatch patch) {
        return service.updateSettings(caller.get(), id, patch);
    }
}
