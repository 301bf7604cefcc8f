package io.longnam.signing;

import io.longnam.audit.RequestOrigin;
import io.longnam.common.LongnamConfig;
import io.longnam.common.RateLimiter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The page a document's QR code opens: issuer, type, date, signature state and fingerprint, in Thai and English. */
@Path("/v")
@Tag(name = "Download links")
@PermitAll
public class PublicVerificationPage {

    /** Self-contained page: no scripts, no external assets; the token in the URL must not leak through Referer. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Inject
    PublicVerificationService service;
    @Inject
    RateLimiter limiter;
    @Inject
    RequestOrigin origin;
    @Inject
    LongnamConfig config;
    @Location("verify.html")
    Template page;
    @Location("verify-not-found.html")
    Template notFound;

    @GET
    @Path("{documentId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "viewVerificationPage", summary = "Public verification page of a document (no login; HTML)",
            description = "Shows issuer, document type, issue date, signature status and SHA-256 fingerprint. Title and a "
                    + "download button only with `t`, a working download-link token for this document; viewing counts no download.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such document: a page saying so", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many page views from this client this minute")
    public Response view(@PathParam("documentId") String documentId, @QueryParam("t") String token,
                         @Context HttpServerResponse response) {
        RateLimiter.Quota quota = limiter.acquire("verification-page", String.valueOf(origin.clientIp()),
                config.verification().pagePerMinute());
        response.putHeader("RateLimit-Policy", quota.policy()).putHeader("RateLimit", quota.state());
        return service.page(documentId, token, ClientConnection.onClose(response))
                .map(m -> html(200, page.data("d", m).render()))
                .orElseGet(() -> html(404, notFound.instance().render()));
    }

    private static Response html(int status, String body) {
        return Response.status(status).type("text/html; charset=UTF-8").entity(body)
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Robots-Tag", "noindex")
                .header("Cache-Control", "no-store")
                .build();
    }
}
