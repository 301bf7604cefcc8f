package io.longnam.workflow;

import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.workflow.WorkflowDtos.CreateWorkflowBatch;
import io.longnam.workflow.WorkflowDtos.WorkflowBatchView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same chain on many documents at once. A separate operation rather than a variant of createWorkflow: one
 * operation has one typed response, which generated SDKs need (they cannot tell a oneOf apart without a discriminator).
 */
@Path("/api/v1/workflow-batches")
@Tag(name = "Workflows")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
public class WorkflowBatchResource {

    @Inject
    WorkflowService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "createWorkflowBatch", summary = "Route many documents of one type through the same chain",
            description = "All or none: one refused document (another type, already in a workflow, a placement that does "
                    + "not fit it) refuses the whole batch. At most `LONGNAM_WORKFLOWS_MAX_BATCH` documents.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowBatchView.class)))
    public Response create(@Valid @NotNull CreateWorkflowBatch request) {
        return Response.status(Response.Status.CREATED).entity(service.createBatch(caller.get(), request)).build();
    }
}
