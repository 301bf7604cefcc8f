package io.longnam.kms;

import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.kms.SigningKeyDtos.CertificateUpload;
import io.longnam.kms.SigningKeyDtos.EnrolPersonalKey;
import io.longnam.kms.SigningKeyDtos.PersonalKeyView;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own signing keys, for personal approval signatures. Only people have them: an API key or agency
 * client lists none and cannot enrol one.
 */
@Path("/api/v1/me/signing-keys")
@Tag(name = "Personal signing keys")
@SecurityRequirement(name = "oidc")
@SecurityRequirement(name = "apiKey")
public class PersonalKeyResource {

    private static final long MAX_CHAIN_CHARS = 256 * 1024;

    @Inject
    SigningKeyService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createPersonalSigningKey", summary = "Generate one's own signing key in a key provider",
            description = "Answers the key with a PKCS#10 CSR (PEM). Without a subject the request names the caller: "
                    + "CN = display name, serialNumber = PNOTH-<national id> when the profile has one, O = the "
                    + "organisation acted in, C = TH. Send it to the CA, then PUT the issued chain.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalKeyView.class)))
    public Response enrol(@Valid @NotNull EnrolPersonalKey request, @Context UriInfo uri) {
        PersonalKeyView key = service.enrolPersonal(caller.get(), caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build()).entity(key).build();
    }

    @PUT
    @Path("{keyId}/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalKeyView.class)))
    @APIResponse(responseCode = "502")
    @Operation(operationId = "uploadPersonalCertificateChain", summary = "Attach the issued certificate chain (JSON form)",
            description = "The leaf must certify this key and must not be a CA certificate.")
    public PersonalKeyView certificateJson(@PathParam("keyId") UUID keyId, @Valid @NotNull CertificateUpload upload) {
        return certificate(keyId, upload.certificateChain());
    }

    @PUT
    @Path("{keyId}/certificate/pem")
    @Consumes("application/x-pem-file")
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalKeyView.class)))
    @APIResponse(responseCode = "502")
    @Operation(operationId = "uploadPersonalCertificateChainPem", summary = "Attach the issued certificate chain (PEM body, leaf first or in any order)")
    @RequestBody(required = true, content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = SchemaType.STRING,
            description = "Concatenated PEM certificates")))
    public PersonalKeyView certificatePem(@PathParam("keyId") UUID keyId, String pem) {
        return certificate(keyId, pem);
    }

    /** A PEM body on the JSON path, as organisation keys keep it for existing callers; not in the contract. */
    @PUT
    @Path("{keyId}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN})
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @Operation(hidden = true)
    public PersonalKeyView certificatePemOnJsonPath(@PathParam("keyId") UUID keyId, String pem) {
        return certificate(keyId, pem);
    }

    @GET
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @Operation(operationId = "listPersonalSigningKeys", summary = "List one's own signing keys",
            description = "inUse marks the key approval signatures are made with: of the active, unexpired keys, the one certified last.")
    public Page<PersonalKeyView> list() {
        return service.listPersonal(caller.userId());
    }

    @GET
    @Path("{keyId}")
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @Operation(operationId = "getPersonalSigningKey", summary = "Get one of one's own signing keys")
    public PersonalKeyView get(@PathParam("keyId") UUID keyId) {
        return service.getPersonal(caller.userId(), keyId);
    }

    @DELETE
    @Path("{keyId}")
    @PermissionsAllowed(Permission.Names.KEY_SELF)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalKeyView.class)))
    @APIResponse(responseCode = "502")
    @Operation(operationId = "disablePersonalSigningKey", summary = "Disable one of one's own signing keys",
            description = "The key is destroyed or blocked in its provider; documents it signed stay verifiable.")
    public PersonalKeyView disable(@PathParam("keyId") UUID keyId) {
        return service.disablePersonal(caller.get(), caller.userId(), keyId);
    }

    private PersonalKeyView certificate(UUID keyId, String pem) {
        if (pem == null || pem.isBlank()) {
            throw ProblemException.invalid("certificateChain", "the PEM certificate chain is required");
        }
        if (pem.length() > MAX_CHAIN_CHARS) {
            throw ProblemException.tooLarge(MAX_CHAIN_CHARS);
        }
        return service.attachPersonalCertificate(caller.get(), caller.userId(), keyId, pem);
    }

}
