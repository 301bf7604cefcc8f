package io.longnam.document;

import io.longnam.common.JsonBodies;
import io.longnam.common.Limits;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Page;
import io.longnam.common.Params;
import io.longnam.common.Uploads;
import io.longnam.document.DocumentDtos.DocumentMetadata;
import io.longnam.document.DocumentDtos.DocumentQuery;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/documents")
@Tag(name = "Documents")
@SecurityRequirement(name = "apiKey")
public class DocumentResource {

    @Inject
    DocumentService service;
    @Inject
    CurrentCaller caller;
    @Inject
    LongnamConfig config;
    @Inject
    JsonBodies bodies;

    /** Multipart form of a registration, described for the OpenAPI document. */
    @Schema(name = "DocumentUpload")
    public static class DocumentUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The PDF")
        public String file;
        @Schema(description = "Optional JSON text of a DocumentMetadata object (title, ownerRef, externalRef, labels, expiresAt, documentType)",
                examples = "{\"title\": \"ปพ.1 สมชาย ใจดี\", \"ownerRef\": \"S-2569-001\", \"labels\": [\"ปีการศึกษา2569\"]}")
        public String metadata;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.DOCUMENT_REGISTER)
    @Operation(operationId = "registerDocument", summary = "Register a PDF", description = "Stores the file as version 1 of a new document. "
            + "An Idempotency-Key makes retries safe: the same key with the same request answers the same document; with a different request, 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = DocumentUpload.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The PDF is encrypted, corrupt or too complex (`encrypted-pdf`, `corrupt-pdf`, `pdf-too-complex`)")
    public Response register(@RestForm("file") FileUpload file,
                             @RestForm("metadata") String metadata,
                             @HeaderParam("Idempotency-Key") String idempotencyKey,
                             @Context UriInfo uri) {
        byte[] pdf = Uploads.required(file, "", config.upload().maxBytes());
        DocumentService.Registration r = service.registerPdf(caller.get(), pdf, file.fileName(),
                bodies.parse(metadata, DocumentMetadata.class, "metadata"), idempotencyKey, ImportChannel.API);
        return Response.created(uri.getAbsolutePathBuilder().path(r.document().id().toString()).build())
                .header("Idempotent-Replayed", r.replayed() ? "true" : null)
                .entity(r.document()).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.DOCUMENT_READ)
    @Operation(operationId = "listDocuments", summary = "List documents in the caller's organisation subtree, newest first")
    public Page<DocumentView> list(@Parameter(schema = @Schema(implementation = DocumentType.class)) @QueryParam("type") String type,
                                   @Parameter(schema = @Schema(implementation = DocumentStatus.class)) @QueryParam("status") String status,
                                   @QueryParam("ownerRef") String ownerRef,
                                   @Parameter(description = "inclusive, ISO-8601 instant", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("createdFrom") String createdFrom,
                                   @Parameter(description = "exclusive, ISO-8601 instant", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("createdTo") String createdTo,
                                   @QueryParam("label") String label, @QueryParam("organizationId") UUID organizationId,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        DocumentQuery query = new DocumentQuery(Params.value(DocumentType.class, type, "type"),
                Params.value(DocumentStatus.class, status, "status"), ownerRef,
                Params.instant(createdFrom, "createdFrom"), Params.instant(createdTo, "createdTo"), label, organizationId);
        return service.list(caller.get(), query, cursor, Limits.of(limit));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.DOCUMENT_READ)
    @Operation(operationId = "getDocument", summary = "Get a document with its versions")
    public DocumentView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Path("{id}/file")
    @Produces({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @PermissionsAllowed(Permission.Names.DOCUMENT_FILE_READ)
    @Operation(operationId = "downloadDocumentFile", summary = "Download the current version (or version `seq`)")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "410", description = "The document's content was deleted")
    public Response file(@PathParam("id") UUID id, @QueryParam("version") Integer seq,
                         @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FileResponses.of(service.file(caller.get(), id, seq), ifNoneMatch);
    }

    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.DOCUMENT_DELETE)
    @Operation(operationId = "deleteDocument", summary = "Delete a document's content", description = "Erases every version's bytes and revokes its links; a tombstone row remains for reports and the audit trail.")
    public DocumentView delete(@PathParam("id") UUID id) {
        return service.delete(caller.get(), id);
    }
}
