package io.longnam.workflow;

import io.longnam.common.Page;
import io.longnam.common.Uploads;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.workflow.SignatureImageDtos.SignatureDrawing;
import io.longnam.workflow.SignatureImageDtos.SignatureImagePatch;
import io.longnam.workflow.SignatureImageDtos.SignatureImageUpload;
import io.longnam.workflow.SignatureImageDtos.SignatureImageView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
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

/** The caller's own signature images. Only people have them: API keys and clients are refused (403 not-a-person). */
@Path("/api/v1/me/signature-images")
@Tag(name = "Signature images")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.SIGNATURE_SELF)
public class MySignatureImageResource {

    static final String COLLECTION = "api/v1/me/signature-images";

    @Inject
    SignatureImageService service;
    @Inject
    SignatureImagesConfig config;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listMySignatureImages", summary = "List one's signature images, newest first")
    public Page<SignatureImageView> list() {
        return service.list(caller.get(), caller.userId());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadMySignatureImage", summary = "Upload a picture of one's signature",
            description = SignatureImageResponses.UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = SignatureImageUpload.class)))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignatureImageView.class)))
    public Response upload(@RestForm("file") FileUpload file, @Context UriInfo uri) {
        byte[] picture = Uploads.required(file, "(the PNG or JPEG)", config.maxBytes());
        return SignatureImageResponses.created(uri, COLLECTION, service.upload(caller.get(), caller.userId(), picture));
    }

    @POST
    @Path("drawings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "drawMySignatureImage", summary = "Draw one's signature",
            description = SignatureImageResponses.DRAW_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Rendered and stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignatureImageView.class)))
    public Response draw(@Valid @NotNull SignatureDrawing drawing, @Context UriInfo uri) {
        return SignatureImageResponses.created(uri, COLLECTION, service.draw(caller.get(), caller.userId(), drawing));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMySignatureImage", summary = "Get one of one's signature images")
    public SignatureImageView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), caller.userId(), id);
    }

    @GET
    @Path("{id}/png")
    @Produces(SignatureImageResponses.PNG)
    @Operation(operationId = "downloadMySignatureImage", summary = "The image itself: a transparent PNG")
    @APIResponse(responseCode = "200", description = "The PNG", content = @Content(mediaType = SignatureImageResponses.PNG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response png(@PathParam("id") UUID id) {
        return SignatureImageResponses.png(id, service.png(caller.get(), caller.userId(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "updateMySignatureImage", summary = "Make an image one's default: {\"default\": true}",
            description = "The default is what an approval uses when it names no image; exactly one image is the default.")
    public SignatureImageView patch(@PathParam("id") UUID id, @Valid @NotNull SignatureImagePatch patch) {
        SignatureImageResponses.requireDefaultTrue(patch);
        return service.makeDefault(caller.get(), caller.userId(), id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteMySignatureImage", summary = "Delete one of one's signature images",
            description = "Deleting the default makes the newest remaining image the default.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(caller.get(), caller.userId(), id);
        return Response.noContent().build();
    }
}
