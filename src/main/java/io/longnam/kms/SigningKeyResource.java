package io.longnam.kms;

import io.longnam.common.Limits;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    private static final String PEM = "application/x-pem-file";
    private static final long MAX_CHAIN_CHARS = 256 * 1024;

    @Inject
    SigningKeyService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @APIResponse(responseCode = "502")
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
    @APIResponse(responseCode = "502")
    @Operation(operationId = "uploadCertificateChain", summary = "Attach the issued certificate chain (JSON form)")
    @APIResponse(responseCode = "422", description = "The chain does not belong to the key or cannot be read (`invalid-certificate-chain`)")
    @APIResponse(responseCode = "200", description = "The key, now usable", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    public SigningKeyView certificateJson(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId,
                                          @Valid @NotNull CertificateUpload upload) {
        return certificate(orgId, keyId, upload.certificateChain());
    }

    @PUT
    @Path("{keyId}/certificate/pem")
    @Consumes(PEM)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "uploadCertificateChainPem", summary = "Attach the issued certificate chain (PEM body, leaf first or in any order)")
    @RequestBody(required = true, content = @Content(mediaType = PEM, schema = @Schema(type = SchemaType.STRING,
            description = "Concatenated PEM certificates", examples = "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n")))
    @APIResponse(responseCode = "422", description = "The chain does not belong to the key or cannot be read (`invalid-certificate-chain`)")
    @APIResponse(responseCode = "200", description = "The key, now usable", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    public SigningKeyView certificatePem(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId, String pem) {
        return certificate(orgId, keyId, pem);
    }

    /** A PEM body on the JSON path, from before the two forms had their own operations; kept for existing callers. */
    @PUT
    @Path("{keyId}/certificate")
    @Consumes({PEM, MediaType.TEXT_PLAIN})
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(hidden = true)
    public SigningKeyView certificatePemOnJsonPath(@PathParam("orgId") UUID orgId, @PathParam("keyId") UUID keyId, String pem) {
        return certificate(orgId, keyId, pem);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.KEY_MANAGE)
    @Operation(operationId = "importSigningKey", summary = "Import a PKCS#12 (key and chain) into the software provider")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Pkcs12Upload.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    @APIResponse(responseCode = "422", description = "The PKCS#12 cannot be opened with this password or holds no key (`invalid-pkcs12`)")
    public Response importPkcs12(@PathParam("orgId") UUID orgId, @RestForm("file") FileUpload file,
                                 @RestForm("password") String password, @RestForm("alias") String alias,
                                 @Context UriInfo uri) {
        byte[] p12 = Uploads.required(file, "with the PKCS#12", MAX_PKCS12_BYTES);
        SigningKeyView key = service.importPkcs12(caller.get(), orgId, UserText.clean("alias", alias), p12,
                password == null ? new char[0] : password.toCharArray());
        return Response.created(uri.getBaseUriBuilder().path(SigningKeyResource.class).path(key.id().toString())
                .build(orgId)).entity(key).build();
    }

    /** Multipart form of a PKCS#12 import, described for the OpenAPI document. */
    @Schema(name = "Pkcs12Upload")
    public static class Pkcs12Upload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The PKCS#12 (.p12/.pfx) with one private key and its chain")
        public String file;
        @Schema(description = "The PKCS#12 password; none when absent")
        public String password;
        @Schema(required = true, pattern = io.longnam.common.Patterns.ALIAS, description = "Alias of the imported key, unique in the organisation")
        public String alias;
    }

    @GET
    @PermissionsAllowed(Permission.Names.KEY_READ)
    @Operation(operationId = "listSigningKeys", summary = "List the organisation's seal keys")
    public Page<SigningKeyView> list(@PathParam("orgId") UUID orgId, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), orgId, cursor, Limits.of(limit));
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
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKeyView.class)))
    @APIResponse(responseCode = "502")
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
