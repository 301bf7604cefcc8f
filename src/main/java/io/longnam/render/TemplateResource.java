package io.longnam.render;

import io.longnam.common.Limits;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Page;
import io.longnam.common.Uploads;
import io.longnam.common.UserText;
import io.longnam.document.FileResponses;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.render.TemplateDtos.TemplateView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/templates")
@Tag(name = "Templates")
@SecurityRequirement(name = "apiKey")
public class TemplateResource {

    static final String DOCX = TemplateService.DOCX;

    @Inject
    TemplateService service;
    @Inject
    CurrentCaller caller;
    @Inject
    LongnamConfig config;

    @Schema(name = "TemplateUpload")
    public static class TemplateUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The docx with {{field}} placeholders")
        public String file;
        @Schema(required = true, description = "Template name; uploading the same name again makes a new version")
        public String name;
    }

    @GET
    @PermissionsAllowed(Permission.Names.TEMPLATE_READ)
    @Operation(operationId = "listTemplates", summary = "List templates: the built-in PP1, PP2, LETTER and the docx templates of the caller's organisation and its ancestors",
            description = "The built-in templates lead the first page; the uploaded ones follow newest first, `limit` of them per page.")
    public Page<TemplateView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), cursor, Limits.of(limit));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.TEMPLATE_READ)
    @Operation(operationId = "getTemplate", summary = "Get a template with the fields it takes")
    public TemplateView get(@PathParam("id") String id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Path("{id}/file")
    @Produces(DOCX)
    @PermissionsAllowed(Permission.Names.TEMPLATE_READ)
    @Operation(operationId = "downloadTemplateFile", summary = "Download an uploaded template's docx",
            description = "Strong ETag (the docx's SHA-256): If-None-Match with it answers 304 without the file.")
    @APIResponse(responseCode = "200", description = "The docx", content = @Content(mediaType = DOCX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is the file's")
    public Response file(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FileResponses.of(service.file(caller.get(), id), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.TEMPLATE_MANAGE)
    @Operation(operationId = "uploadTemplate", summary = "Upload a docx template", description = "Fields are discovered from `{{field}}`, `{{list.field}}` (repeated table rows), "
            + "`{{image:field}}` and `{{qr:field}}` placeholders; `{{qr}}` is the document's verification QR code. A docx that cannot be read answers 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = TemplateUpload.class)))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "422", description = "The docx cannot be read (`code`: MALFORMED_DOCX, …)")
    public Response upload(@RestForm("file") FileUpload file,
                           @RestForm("name") String name, @Context UriInfo uri) {
        TemplateView t = service.upload(caller.get(), UserText.clean("name", name), Uploads.required(file, "(the docx)", config.upload().maxBytes()));
        return Response.created(uri.getAbsolutePathBuilder().path(t.id()).build()).entity(t).build();
    }

    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.TEMPLATE_MANAGE)
    @Operation(operationId = "retireTemplate", summary = "Retire an uploaded template", description = "It stays listed (status RETIRED) and downloadable, but renders nothing new (409).")
    public TemplateView retire(@PathParam("id") String id) {
        return service.retire(caller.get(), id);
    }
}
