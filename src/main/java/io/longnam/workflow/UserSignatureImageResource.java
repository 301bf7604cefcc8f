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

/** An administrator's view of the signature images of the users it reaches (a membership in its subtree); others 404. */
@Path("/api/v1/users/{userId}/signature-images")
@Tag(name = "Signature images")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
@PermissionsAllowed(Permission.Names.USER_MANAGE)
public class UserSignatureImageResource {

    @Inject
    SignatureImageService service;
    @Inject
    SignatureImagesConfig config;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listUserSignatureImages", summary = "List a user's signature images, newest first")
    public Page<SignatureImageView> list(@PathParam("userId") UUID userId) {
        return service.list(caller.get(), userId);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadUserSignatureImage", summary = "Upload a picture of a user's signature",
            description = SignatureImageResponses.UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = SignatureImageUpload.class)))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignatureImageView.class)))
    public Response upload(@PathParam("userId") UUID userId, @RestForm("file") FileUpload file, @Context UriInfo uri) {
        byte[] picture = Uploads.required(file, "(the PNG or JPEG)", config.maxBytes());
        return SignatureImageResponses.created(uri, collection(userId), service.upload(caller.get(), userId, picture));
    }

    @POST
    @Path("drawings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "drawUserSignatureImage", summary = "Draw a user's signature (e.g. on a signing pad at the office)",
            description = SignatureImageResponses.DRAW_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Rendered and stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignatureImageView.class)))
    public Response draw(@PathParam("userId") UUID userId, @Valid @NotNull SignatureDrawing drawing, @Context UriInfo uri) {
        return SignatureImageResponses.created(uri, collection(userId), service.draw(caller.get(), userId, drawing));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUserSignatureImage", summary = "Get one of a user's signature images")
    public SignatureImageView get(@PathParam("userId") UUID userId, @PathParam("id") UUID id) {
        return service.get(caller.get(), userId, id);
    }

    @GET
    @Path("{id}/png")
    @Produces(SignatureImageResponses.PNG)
    @Operation(operationId = "downloadUserSignatureImage", summary = "The image itself: a transparent PNG")
    @APIResponse(responseCode = "200", description = "The PNG", content = @Content(mediaType = SignatureImageResponses.PNG,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response png(@PathParam("userId") UUID userId, @PathParam("id") UUID id) {
        return SignatureImageResponses.png(id, service.png(caller.get(), userId, id));
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "updateUserSignatureImage", summary = "Make an image the user's default: {\"default\": true}",
            description = "The default is what an approval uses when it names no image; exactly one image is the default.")
    public SignatureImageView patch(@PathParam("userId") UUID userId, @PathParam("id") UUID id,
                                    @Valid @NotNull SignatureImagePatch patch) {
        SignatureImageResponses.requireDefaultTrue(patch);
        return service.makeDefault(caller.get(), userId, id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUserSignatureImage", summary = "Delete one of a user's signature images",
            description = "Deleting the default makes the newest remaining image the default.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("userId") UUID userId, @PathParam("id") UUID id) {
        service.delete(caller.get(), userId, id);
        return Response.noContent().build();
    }

    private static String collection(UUID userId) {
        return "api/v1/users/" + userId + "/signature-images";
    }
}
