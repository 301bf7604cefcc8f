package io.longnam.workflow;

import io.longnam.common.Limits;
import io.longnam.common.Page;
import io.longnam.document.DocumentType;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.workflow.WorkflowDtos.TaskView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/tasks")
@Tag(name = "Workflows")
@SecurityRequirement(name = "oidc")
public class TaskResource {

    @Inject
    WorkflowService service;
    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "listMyTasks", summary = "Workflows waiting on the calling person, newest first",
            description = "Only people sign, so for API keys and clients the list is empty.")
    public Page<TaskView> list(@QueryParam("documentType") DocumentType documentType,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.tasks(caller.get(), documentType, cursor,
                Limits.of(limit));
    }
}
