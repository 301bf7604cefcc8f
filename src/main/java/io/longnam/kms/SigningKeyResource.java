package io.longnam.kms;

import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.Uploads;
import io.longnam.common.UserText;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.kms.SigningKeyDtos.CertificateUpload;
import io.longnam.kms.SigningKeyDtos.EnrolKey;
import io.longnam.kms.SigningKeyDtos.KeyPatch;
import io.longnam.kms.SigningKeyDtos.SigningKeyView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/organizations/{orgId}/signing-keys")
@Tag(name = "Signing keys")
@SecurityRequirement(name = "apiKey")
public class SigningKeyResource {

    private static final long MAX_PKCS12_BYTES = 64 * 1024;
    private static final long MAX_CHAIN_CHARS = 256 * 1024;

    @Inject
    SigningKeyService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "createSigningKey", summary = "Generate a seal key in a key provider", description = "Answers the key with a PKCS#10 CSR (PEM) for the given subject; send it to the CA, then PUT the issued chain.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    public Response enrol(@PathParam("orgId") UUID orgId, @Valid @NotNull EnrolKey request, @Context UriInfo uri) {
        SigningKeyView key = service.enrol(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build()).entity(key).build();
    }

    @PUT
    @Path("{keyId}/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "uploadCertificateChain", summary = "Attach the issued certificate chain (JSON form)")
    public SigningKeyView certificateJson(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId,
                                          @Valid @NotNull CertificateUpload upload) {
        return certificate(orgId, keyId, upload.certificateChain());
    }

    @PUT
    @Path("{keyId}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN})
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "uploadCertificateChain", summary = "Attach the issued certificate chain (PEM body, leaf first or in any order)")
    public SigningKeyView certificatePem(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId, String pem) {
        return certificate(orgId, keyId, pem);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "importSigningKey", summary = "Import a PKCS#12 (key and chain) into the software provider")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    public Response importPkcs12(@PathParam("orgId") UUID orgId, @RestForm("file") FileUpload file,
                                 @RestForm("password") String password, @RestForm("alias") String alias) {
        byte[] p12 = Uploads.required(file, "with the PKCS#12", MAX_PKCS12_BYTES);
        SigningKeyView key = service.importPkcs12(caller.get(), orgId, UserText.clean("alias", alias), p12,
                password == null ? new char[0] : password.toCharArray());
        return Response.status(201).entity(key).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.KEY_READ)
    @Operation(operationId = "listSigningKeys", summary = "List the organisation's seal keys")
    public Page<SigningKeyView> list(@PathParam("orgId") UUID orgId) {
        return service.list(caller.get(), orgId);
    }

    @GET
    @Path("{keyId}")
    @PermissionsAllowed(Permission.Names.KEY_READ)
    @Operation(operationId = "getSigningKey", summary = "Get a seal key")
    public SigningKeyView get(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId) {
        return service.get(caller.get(), orgId, keyId);
    }

    @PATCH
    @Path("{keyId}")
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "updateSigningKey", summary = "Make a key the organisation's default seal key: {\"default\": true}")
    public SigningKeyView patch(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId, @Valid @NotNull KeyPatch patch) {
        if (!patch.makeDefault()) {
            throw ProblemException.invalid("default", "to change the default, make another key the default");
        }
        return service.makeDefault(caller.get(), orgId, keyId);
    }

    @DELETE
    @Path("{keyId}")
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "disableSigningKey", summary = "Disable a key", description = "The key is destroyed or blocked in its provider; documents it sealed stay verifiable.")
    public SigningKeyView disable(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId) {
        return service.disable(caller.get(), orgId, keyId);
    }

    private SigningKeyView certificate(UUID orgId, UUID keyId, String pem) {
        if (pem == null || pem.isBlank()) {
            throw ProblemException.invalid("certificateChain", "the PEM certificate chain is required");
        }
        if (pem.length() > MAX_CHAIN_CHARS) {
            throw ProblemException.tooLarge(MAX_CHAIN_CHARS);
        }
        return service.attachCertificate(caller.get(), orgId, keyId, pem);
    }
}
