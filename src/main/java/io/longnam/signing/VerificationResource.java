package io.longnam.signing;

import io.longnam.audit.RequestOrigin;
import io.longnam.common.LongnamConfig;
import io.longnam.common.RateLimiter;
import io.longnam.common.Uploads;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/verifications")
@Tag(name = "Signing")
@PermitAll
public class VerificationResource {

    @Inject
    VerificationService verifications;
    @Inject
    RateLimiter limiter;
    @Inject
    RequestOrigin origin;
    @Inject
    LongnamConfig config;

    /** Multipart form of a public verification, described for the OpenAPI document. */
    @Schema(name = "SignedPdfUpload")
    public static class SignedPdfUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The signed PDF")
        public String file;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "verifyDocument", summary = "Verify any signed PDF (no login; rate-limited per client)",
            description = "Judged against the platform trust anchors. `valid` is true only when every signature is TOTAL_PASSED and covers the whole document. "
                    + "Refused with 422 `pdf-too-complex` when the PDF exceeds the page, object or size limits and "
                    + "`verification-too-costly` when the check overruns its time budget; 503 `verification-busy` "
                    + "(with Retry-After) when too many checks are waiting. A check whose client disconnects is cancelled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = SignedPdfUpload.class)))
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationReport.class)))
    @APIResponse(responseCode = "422", description = "The PDF is too complex or its check overran its time budget (`pdf-too-complex`, `verification-too-costly`)")
    @APIResponse(responseCode = "429", description = "Too many verifications from this client this minute")
    public VerificationReport verify(@RestForm("file") FileUpload file, @Context HttpServerResponse response) {
        RateLimiter.Quota quota = limiter.acquire("verification", String.valueOf(origin.clientIp()), config.verification().perMinute());
        response.putHeader("RateLimit-Policy", quota.policy()).putHeader("RateLimit", quota.state());
        return verifications.verifyUpload(Uploads.required(file, "", config.upload().maxBytes()),
                ClientConnection.onClose(response));
    }
}
