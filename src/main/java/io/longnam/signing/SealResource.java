package io.longnam.signing;

import io.longnam.common.JsonBodies;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.signing.SealDtos.SealCommand;
import io.quarkus.security.PermissionsAllowed;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/documents/{id}")
@Tag(name = "Signing")
@SecurityRequirement(name = "apiKey")
public class SealResource {

    @Inject
    SealService seals;
    @Inject
    VerificationService verifications;
    @Inject
    CurrentCaller caller;
    @Inject
    JsonBodies bodies;

    @POST
    @Path("seal")
    @PermissionsAllowed(Permission.Names.DOCUMENT_SEAL)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "sealDocument", summary = "Seal the document with the organisation's key (PAdES)",
            description = "Adds a PAdES baseline signature (ETSI.CAdES.detached) as a new version. Without `level`, "
                    + "the organisation's settings decide (timestamping off → B-B). TSA or key-provider failures, and "
                    + "`signing-busy` when too many signatures wait for their turn, answer 503 with `retryable: true` "
                    + "and leave the document unchanged.")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, description = "Optional: without it the organisation's default key and settings decide",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SealCommand.class)))
    @APIResponse(responseCode = "410", description = "The document's content was deleted")
    @APIResponse(responseCode = "422", description = "The PDF cannot be sealed, or the level needs a time-stamp authority (`cannot-seal`, `tsa-not-configured`, `timestamping-disabled`, `pdf-too-complex`)")
    @APIResponse(responseCode = "200", description = "Sealed: the document with its new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public DocumentView seal(@PathParam("id") UUID id, String body) {
        return seals.seal(caller.get(), id, bodies.parse(body, SealCommand.class, null));
    }

    @GET
    @Path("verification")
    @PermissionsAllowed(Permission.Names.DOCUMENT_VERIFY)
    @Operation(operationId = "getDocumentVerification", summary = "Verify the signatures of the document's current version",
            description = "Refused with 422 `pdf-too-complex` when the PDF exceeds the page, object or size limits and "
                    + "`verification-too-costly` when the check overruns its time budget; 503 `verification-busy` "
                    + "(with Retry-After) when too many checks are waiting.")
    @APIResponse(responseCode = "410", description = "The document's content was deleted")
    @APIResponse(responseCode = "422", description = "The PDF is too complex or its check overran its time budget (`pdf-too-complex`, `verification-too-costly`)")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationReport.class)))
    public VerificationReport verification(@PathParam("id") UUID id, @Context HttpServerResponse response) {
        return verifications.verifyDocument(caller.get(), id, ClientConnection.onClose(response));
    }
}
