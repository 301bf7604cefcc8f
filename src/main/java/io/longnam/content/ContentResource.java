package io.longnam.content;

import io.longnam.common.JsonBodies;
import io.longnam.content.ContentDtos.CreatePage;
import io.longnam.content.ContentDtos.PageDraft;
import io.longnam.content.ContentDtos.PageView;
import io.longnam.content.ContentDtos.Publication;
import io.longnam.content.ContentDtos.VersionView;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Managing content pages: platform administrators only (TOR 2.10). */
@Path("/api/v1/content/pages")
@Tag(name = "Content pages")
@SecurityRequirement(name = "apiKey")
@PermissionsAllowed(Permission.Names.CONTENT_MANAGE)
public class ContentResource {

    @Inject
    ContentService service;
    @Inject
    CurrentCaller caller;
    @Inject
    JsonBodies bodies;

    @POST
    @Operation(operationId = "createContentPage", summary = "Create a page (its first draft, unpublished)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    public Response create(@Valid @NotNull CreatePage request, @Context UriInfo uri) {
        PageView page = service.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(page.id().toString()).build()).entity(page).build();
    }

    @GET
    @Operation(operationId = "listContentPages", summary = "Every page with its latest version, drafts included")
    public List<PageView> list() {
        return service.list();
    }

    @GET
    @Path("{pageId}")
    @Operation(operationId = "getContentPage", summary = "A page with its latest version")
    public PageView get(@PathParam("pageId") UUID pageId) {
        return service.get(pageId);
    }

    @PUT
    @Path("{pageId}")
    @Operation(operationId = "saveContentPageDraft", summary = "Save a new version as a draft; the published one stays")
    public PageView save(@PathParam("pageId") UUID pageId, @Valid @NotNull PageDraft draft) {
        return service.saveDraft(caller.get(), pageId, draft);
    }

    @GET
    @Path("{pageId}/versions")
    @Operation(operationId = "listContentPageVersions", summary = "Version history, newest first")
    public List<VersionView> versions(@PathParam("pageId") UUID pageId) {
        return service.versions(pageId);
    }

    @POST
    @Path("{pageId}/publication")
    @Operation(operationId = "publishContentPage", summary = "Publish a version (the latest when none is named)",
            description = "The body is optional.")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Publication.class)))
    public PageView publish(@PathParam("pageId") UUID pageId, String body) {
        Publication publication = bodies.parse(body, Publication.class, null);
        return service.publish(caller.get(), pageId, publication == null ? null : publication.version());
    }

    @DELETE
    @Path("{pageId}/publication")
    @Operation(operationId = "withdrawContentPage", summary = "Withdraw the page from the public; versions stay")
    public PageView withdraw(@PathParam("pageId") UUID pageId) {
        return service.withdraw(caller.get(), pageId);
    }
}
