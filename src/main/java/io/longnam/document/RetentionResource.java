package io.longnam.document;

import io.longnam.document.DocumentDtos.PeriodPurge;
import io.longnam.job.JobDtos.JobView;
import io.longnam.job.JobWorkers;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/document-purges")
@Tag(name = "Retention")
@SecurityRequirement(name = "apiKey")
public class RetentionResource {

    @Inject
    RetentionService retention;
    @Inject
    CurrentCaller caller;
    @Inject
    JobWorkers workers;

    @POST
    @PermissionsAllowed(Permission.Names.RETENTION_PURGE)
    @Operation(operationId = "purgeDocumentPeriod", summary = "Erase the organisation's documents created within a period",
            description = "createdFrom inclusive, createdTo exclusive. Answers 202 with a job (kind PERIOD_PURGE) that erases "
                    + "the documents in the background, one item per document; follow it at `Location`. Tombstones remain.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobView.class)))
    public Response purge(@PathParam("orgId") UUID orgId, PeriodPurge period, @Context UriInfo uri) {
        JobView job = retention.purgePeriod(caller.get(), orgId, period);
        workers.wake();
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(job.id().toString()).build())
                .build();
    }
}
