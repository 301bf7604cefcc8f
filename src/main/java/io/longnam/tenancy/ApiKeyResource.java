package io.longnam.tenancy;

import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.common.Overlaps;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.tenancy.ApiKeyDtos.ApiKeyView;
import io.longnam.tenancy.ApiKeyDtos.CreateApiKey;
import io.longnam.tenancy.ApiKeyDtos.IssuedApiKey;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "apiKey")
@PermissionsAllowed(Permission.Names.APIKEY_MANAGE)
public class ApiKeyResource {

    @Inject
    ApiKeyService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Operation(operationId = "createApiKey", summary = "Issue an API key", description = "The response carries the key itself; it is never shown again.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateApiKey request, @Context UriInfo uri) {
        IssuedApiKey issued = service.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List an organisation's API keys (without secrets)")
    public Page<ApiKeyView> list(@PathParam("orgId") UUID orgId, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), orgId, cursor, Limits.of(limit));
    }

    @DELETE
    @Path("{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    public ApiKeyView revoke(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId) {
        return service.revoke(caller.get(), orgId, keyId);
    }

    @POST
    @Path("{keyId}/rotation")
    @Operation(operationId = "rotateApiKey", summary = "Rotate an API key", description = "Issues a replacement; the old key keeps working for `overlap` (ISO-8601 duration, default PT24H, at most P30D).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response rotate(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId,
                           @QueryParam("overlap") String overlap, @Context UriInfo uri) {
        Duration grace = Overlaps.parse(overlap);
        IssuedApiKey issued = service.rotate(caller.get(), orgId, keyId, grace);
        return Response.created(uri.getBaseUriBuilder().path(ApiKeyResource.class).path(issued.id().toString()).build(orgId))
                .header("Cache-Control", "no-store").entity(issued).build();
    }
}
