package io.longnam.workflow;

import io.longnam.common.LongnamConfig;
import io.longnam.common.Uploads;
import io.longnam.common.UserText;
import io.longnam.document.FileResponses;
import io.longnam.document.PdfInspector;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.identity.StepUpService;
import io.longnam.workflow.WorkflowDtos.Approval;
import io.longnam.workflow.WorkflowDtos.Comment;
import io.longnam.workflow.WorkflowDtos.CreateWorkflow;
import io.longnam.workflow.WorkflowDtos.HistoryEntry;
import io.longnam.workflow.WorkflowDtos.Rejection;
import io.longnam.workflow.WorkflowDtos.Resubmission;
import io.longnam.workflow.WorkflowDtos.WorkflowView;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/workflows")
@Tag(name = "Workflows")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "oidc")
public class WorkflowResource {

    @Inject
    WorkflowService service;
    @Inject
    ApprovalService approvals;
    @Inject
    CurrentCaller caller;
    @Inject
    LongnamConfig config;
    @Inject
    StepUpService stepUps;

    /** Multipart form of a resubmission with a new file, described for the OpenAPI document. */
    @Schema(name = "ResubmissionUpload")
    public static class ResubmissionUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The new PDF")
        public String file;
        @Schema(description = "Why it changed")
        public String comment;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "createWorkflow", summary = "Route a document through an approval chain",
            description = "Steps (at least two) from `steps` or a workflow template. From now on only the creator, the "
                    + "chain's users, auditors and administrators see the document (others get 404). The document becomes "
                    + "PENDING_APPROVAL and the first step's signers are told by e-mail. For many documents of one type "
                    + "use `createWorkflowBatch`.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkflowView.class)))
    public Response create(@Valid @NotNull CreateWorkflow request, @Context UriInfo uri) {
        WorkflowView w = service.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(w.id().toString()).build()).entity(w).build();
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "getWorkflow", summary = "Get a workflow with its steps, signers and full history")
    public WorkflowView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Path("{id}/file")
    @Produces({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "downloadWorkflowFile", summary = "Download the document under approval as it stands",
            description = "For the chain's users, who review the document before they approve it.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FileResponses.of(service.file(caller.get(), id), ifNoneMatch);
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_READ)
    @Operation(operationId = "commentOnWorkflow", summary = "Comment on a workflow (TOR 2.5.5)",
            description = "Open to the chain's users, the creator and administrators.")
    @APIResponse(responseCode = "201", description = "The history entry", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryEntry.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull Comment request) {
        return Response.status(Response.Status.CREATED).entity(service.comment(caller.get(), id, request.text())).build();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_APPROVE)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowView.class)))
    @APIResponse(responseCode = "502")
    @Operation(operationId = "approveWorkflowStep", summary = "Approve the step waiting on the caller",
            description = "Signs the current version at the step's placement with the caller's signature image (the "
                    + "default one without `imageId`): a personal PAdES signature when the caller enrolled a personal key, "
                    + "else the organisation's key naming the caller. When the step is complete the next one starts; after "
                    + "the last the document is SIGNED (or SEALED with sealAtEnd). A step that moved on, or a document "
                    + "changed meanwhile, answers 409; fetch the workflow and retry.")
    public WorkflowView approve(@PathParam("id") UUID id, @Valid Approval request,
                                @Parameter(description = "Step-up grant, when the organisation requires two factors")
                                @HeaderParam(StepUpService.HEADER) String stepUp) {
        Approval a = request == null ? new Approval(null, null) : request;
        stepUps.require(caller.get(), stepUp);
        return approvals.approve(caller.get(), id, a.imageId(), a.comment());
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_APPROVE)
    @Operation(operationId = "rejectWorkflow", summary = "Reject the document back to its creator (TOR 2.5.10)",
            description = "A reason is required. The document becomes REJECTED; its creator may resubmit it.")
    public WorkflowView reject(@PathParam("id") UUID id, @Valid @NotNull Rejection request) {
        return service.reject(caller.get(), id, request.reason());
    }

    @POST
    @Path("{id}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "resubmitWorkflow", summary = "Restart a rejected chain on the version it started from",
            description = "Creator only. The chain restarts at step 1 (round + 1) on a copy of the version it started "
                    + "from, without the rejected round's signatures. To resubmit a new file use `resubmitWorkflowWithFile`.")
    public WorkflowView resubmit(@PathParam("id") UUID id, @Valid Resubmission request) {
        return service.resubmit(caller.get(), id, null, request == null ? null : request.comment());
    }

    @POST
    @Path("{id}/resubmission/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.WORKFLOW_MANAGE)
    @Operation(operationId = "resubmitWorkflowWithFile", summary = "Restart a rejected chain on a new file",
            description = "Creator only. The PDF becomes the document's new current version and the chain restarts at "
                    + "step 1 (round + 1); anchors and pages of the placements are checked on it again.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ResubmissionUpload.class)))
    @APIResponse(responseCode = "200", description = "The restarted chain",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowView.class)))
    @APIResponse(responseCode = "422", description = "The PDF is empty, encrypted, corrupt or too complex, or a placement "
            + "does not fit it (`empty-file`, `encrypted-pdf`, `corrupt-pdf`, `pdf-too-complex`, `unknown-anchor`)")
    public WorkflowView resubmitWithFile(@PathParam("id") UUID id,
                                         @RestForm("file") FileUpload file,
                                         @RestForm("comment") String comment) {
        byte[] pdf = Uploads.required(file, "with the new PDF", config.upload().maxBytes());
        PdfInspector.inspect(pdf, PdfInspector.Limits.of(config));
        return service.resubmit(caller.get(), id, pdf, comment == null ? null : UserText.clean("comment", comment));
    }
}
