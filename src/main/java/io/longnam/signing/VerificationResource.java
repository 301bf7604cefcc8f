package io.longnam.signing;

import io.longnam.audit.RequestOrigin;
import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import io.longnam.common.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    @Operation(summary = "Verify any signed PDF (no login; rate-limited per client)",
            description = "Judged against the platform trust anchors. `valid` is true only when every signature is TOTAL_PASSED and covers the whole document.")
    public VerificationReport verify(@RestForm("file") FileUpload file) {
        limiter.acquire("verification", String.valueOf(origin.clientIp()), config.verification().perMinute());
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart part named 'file' is required");
        }
        if (file.size() > config.upload().maxBytes()) {
            throw ProblemException.tooLarge(config.upload().maxBytes());
        }
        try {
            return verifications.verifyUpload(Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
