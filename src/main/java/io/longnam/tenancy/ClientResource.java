package io.longnam.tenancy;

import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.quarkus.security.PermissionsAllowed;
import io.longnam.tenancy.ClientDtos.ClientPatch;
import io.longnam.tenancy.ClientDtos.ClientView;
import io.longnam.tenancy.ClientDtos.CreateClient;
import io.longnam.tenancy.ClientDtos.IssuedClient;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/clients")
@Tag(name = "Agency clients")
@SecurityRequirement(name = "apiKey")
@PermissionsAllowed(Permission.Names.CLIENT_MANAGE)
public class ClientResource {

    @Inject
    ClientService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Operation(operationId = "createClient", summary = "Register an agency client (OAuth 2.0 client credentials)",
            description = "The answer carries `clientSecret`; it is never shown again. The client trades its id and secret for "
                    + "short-lived bearer tokens at `POST /oauth2/token` and acts with `roles` within this organisation.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedClient.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateClient request, @Context UriInfo uri) {
        IssuedClient issued = service.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    @GET
    @Operation(operationId = "listClients", summary = "List an organisation's agency clients (without secrets)")
    public Page<ClientView> list(@PathParam("orgId") UUID orgId, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), orgId, cursor, Limits.of(limit));
    }

    @GET
    @Path("{clientId}")
    @Operation(operationId = "getClient", summary = "One agency client (without its secret)")
    public ClientView get(@PathParam("orgId") UUID orgId, @PathParam("clientId") UUID clientId) {
        return service.get(caller.get(), orgId, clientId);
    }

    @PATCH
    @Path("{clientId}")
    @Operation(operationId = "updateClient", summary = "Enable or disable an agency client",
            description = "`enabled: false` stops the client's tokens at once and refuses new ones.")
    public ClientView patch(@PathParam("orgId") UUID orgId, @PathParam("clientId") UUID clientId, @Valid ClientPatch patch) {
        return service.patch(caller.get(), orgId, clientId, patch);
    }
}
