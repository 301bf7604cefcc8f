package io.longnam.tenancy;

import io.longnam.audit.RequestOrigin;
import io.longnam.tenancy.ClientDtos.TokenError;
import io.longnam.tenancy.ClientDtos.TokenResponse;
import io.longnam.tenancy.ClientService.TokenRefused;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The OAuth 2.0 token endpoint for agency clients (RFC 6749 §4.4, client credentials only). */
@Path("/oauth2/token")
@Tag(name = "Agency clients")
@PermitAll
public class TokenResource {

    @Inject
    ClientService clients;
    @Inject
    RequestOrigin origin;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "clientBasic")
    @Operation(operationId = "issueClientToken", summary = "Trade a client id and secret for a bearer token",
            description = "HTTP Basic client authentication (`client_id:client_secret`, RFC 6749 §2.3.1) and "
                    + "`grant_type=client_credentials`. The token works on the whole API with the client's roles within its "
                    + "organisation until `expires_in` seconds pass or the client is disabled. Refusals use RFC 6749 §5.2 "
                    + "error bodies (`invalid_client` → 401).")
    @APIResponse(responseCode = "200", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid_request or unsupported_grant_type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts for this client id this minute",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class)))
    public Response token(@HeaderParam("Authorization") String authorization, @RestForm("grant_type") String grantType) {
        TokenResponse token = clients.issueToken(authorization, grantType, String.valueOf(origin.clientIp()));
        return Response.ok(token).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @ServerExceptionMapper
    public Response refused(TokenRefused e) {
        Response.ResponseBuilder answer = Response.status(e.status).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").entity(TokenError.of(e.status, e.error, e.getMessage()));
        if (e.status == 401) {
            answer.header("WWW-Authenticate", "Basic realm=\"longnam\"");
        } else if (e.status == 429) {
            answer.header("Retry-After", 60 - java.time.Instant.now().getEpochSecond() % 60);
        }
        return answer.build();
    }
}
