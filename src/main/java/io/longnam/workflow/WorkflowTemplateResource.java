package io.longnam.workflow;

import io.longnam.common.Page;
import io.longnam.common.Params;
import io.longnam.document.DocumentType;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.workflow.WorkflowDtos.CreateWorkflowTemplate;
import io.longnam.workflow.WorkflowDtos.WorkflowTemplateView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/workflow-templates")
@Tag(name = "Workflows")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
public class WorkflowTemplateResource {

    @Inject
    WorkflowTemplateService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "createWorkflowTemplate", summary = "Define a reusable approval chain for a document type")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowTemplateView.class)))
    public Response create(@PathParam("orgId") UUID orgId, @Valid @NotNull CreateWorkflowTemplate request,
                           @Context UriInfo uri) {
        WorkflowTemplateView t = service.create(caller.get(), orgId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(t.id().toString()).build()).entity(t).build();
    }

    @GET
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "listWorkflowTemplates", summary = "List the organisation's workflow templates by name")
    public Page<WorkflowTemplateView> list(@PathParam("orgId") UUID orgId,
                                           @QueryParam("documentType") DocumentType documentType,
                                           @Parameter(description = "include retired templates", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("retired") String retired) {
        return service.list(caller.get(), orgId, documentType,
                Params.bool(retired, "retired"));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "getWorkflowTemplate", summary = "Get a workflow template")
    public WorkflowTemplateView get(@PathParam("orgId") UUID orgId, @PathParam("id") UUID id) {
        return service.get(caller.get(), orgId, id);
    }

    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "retireWorkflowTemplate", summary = "Retire a workflow template",
            description = "It stays readable; new workflows from it answer 409. Running workflows are not affected.")
    @APIResponse(responseCode = "204", description = "Retired")
    public void retire(@PathParam("orgId") UUID orgId, @PathParam("id") UUID id) {
        service.retire(caller.get(), orgId, id);
    }
}
