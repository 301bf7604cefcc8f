package io.longnam.document;

import io.longnam.common.JsonBodies;
import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.document.LinkDtos.CreateLink;
import io.longnam.document.LinkDtos.LinkView;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/documents/{id}/links")
@Tag(name = "Download links")
@SecurityRequirement(name = "apiKey")
public class LinkResource {

    @Inject
    LinkService service;
    @Inject
    CurrentCaller caller;
    @Inject
    JsonBodies bodies;

    @POST
    // A link hands the file to whoever holds it, so making one is reading the file by proxy.
    @PermissionsAllowed(value = {Permission.Names.LINK_MANAGE, Permission.Names.DOCUMENT_FILE_READ}, inclusive = true)
    // Every field is optional, so the body is too: no body, or no Content-Type, makes a link with the defaults.
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateLink.class)))
    @Operation(operationId = "createLink", summary = "Create a download link for the document's owner", description = "The URL carries the token; it is shown only in this answer.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "410", description = "The document's content was deleted")
    public Response create(@PathParam("id") UUID id, String body, @Context UriInfo uri) {
        LinkView link = service.create(caller.get(), id, bodies.parse(body, CreateLink.class, null));
        return Response.created(uri.getAbsolutePathBuilder().path(link.id().toString()).build()).header("Cache-Control", "no-store").entity(link).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.LINK_READ)
    @Operation(operationId = "listDownloadLinks", summary = "List a document's links (without tokens)")
    public Page<LinkView> list(@PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), id, cursor, Limits.of(limit));
    }

    @DELETE
    @Path("{linkId}")
    @PermissionsAllowed(Permission.Names.LINK_MANAGE)
    @Operation(operationId = "revokeDownloadLink", summary = "Revoke a link")
    public LinkView revoke(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        return service.revoke(caller.get(), id, linkId);
    }
}
