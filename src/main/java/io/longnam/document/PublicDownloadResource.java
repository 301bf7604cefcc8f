package io.longnam.document;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/d")
@Tag(name = "Download links")
@PermitAll
public class PublicDownloadResource {

    @Inject
    LinkService links;

    @GET
    @Path("{token}")
    @Produces("application/pdf")
    @Operation(operationId = "downloadByLink", summary = "Download through a link (no login)", description = "404 for an unknown link; 410 once it is expired, revoked or used up. "
            + "A 304 (If-None-Match) does not count as a download.")
    @APIResponse(responseCode = "410", description = "The link expired, was revoked or is used up")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("token") String token, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FileResponses.of(links.download(token, ifNoneMatch), ifNoneMatch);
    }
}
