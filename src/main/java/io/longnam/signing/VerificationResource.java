package io.longnam.signing;

import io.longnam.audit.RequestOrigin;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Uploads;
import io.longnam.common.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "verifyUpload", summary = "Verify any signed PDF (no login; rate-limited per client)",
            description = "Judged against the platform trust anchors. `valid` is true only when every signature is TOTAL_PASSED and covers the whole document. "
                    + "Refused with 422 `pdf-too-complex` when the PDF exceeds the page, object or size limits and "
                    + "`verification-too-costly` when the check overruns its time budget; 503 `verification-busy` "
                    + "(with Retry-After) when too many checks are waiting. A check whose client disconnects is cancelled.")
    public VerificationReport verify(@RestForm("file") FileUpload file, @Context HttpServerResponse response) {
        limiter.acquire("verification", String.valueOf(origin.clientIp()), config.verification().perMinute());
        return verifications.verifyUpload(Uploads.required(file, "", config.upload().maxBytes()),
                ClientConnection.onClose(response));
    }
}
