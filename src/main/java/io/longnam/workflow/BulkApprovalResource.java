package io.longnam.workflow;

import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.identity.StepUpService;
import io.longnam.job.JobDtos.JobView;
import io.longnam.job.JobWorkers;
import io.longnam.workflow.WorkflowDtos.BulkApproval;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workflows/approvals")
@Tag(name = "Workflows")
@SecurityRequirement(name = "oidc")
public class BulkApprovalResource {

    @Inject
    BulkApprovals bulk;
    @Inject
    JobWorkers workers;
    @Inject
    CurrentCaller caller;
    @Inject
    StepUpService stepUps;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_APPROVE)
    @Operation(operationId = "approveWorkflowsInBulk", summary = "Approve many workflows waiting on the caller (TOR 2.5.7)",
            description = "The named workflows, or every one of `documentType` waiting on the caller, approved in the "
                    + "background as a job: each workflow is an item that succeeds or fails on its own; follow it at "
                    + "`GET /api/v1/jobs/{id}` and its items. One step-up covers the whole request.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobView.class)))
    public Response approve(@Valid @NotNull BulkApproval request,
                            @Parameter(description = "Step-up grant, when the organisation requires two factors")
                            @HeaderParam(StepUpService.HEADER) String stepUp, @Context UriInfo uri) {
        stepUps.require(caller.get(), stepUp);
        JobView job = bulk.submit(caller.get(), request);
        workers.wake();
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(job.id().toString()).build())
                .build();
    }
}
