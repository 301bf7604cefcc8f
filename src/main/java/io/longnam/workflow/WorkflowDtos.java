package io.longnam.workflow;

import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WorkflowDtos {

    /** Largest coordinate accepted: ISO 32000 limits a page to 14,400 units. */
    static final String MAX_POINTS = "14400";

    private WorkflowDtos() {
    }

    @Schema(description = "Where a step's signatures go: a box in PDF points from the page's bottom-left, or the named "
            + "anchor of a built-in form (ปพ.1: registrar, principal; ปพ.2: principal; letter: signer)")
    public record Placement(
            @Min(1) @Max(100000) Integer page,
            @DecimalMin("0") @DecimalMax(MAX_POINTS) Float x,
            @DecimalMin("0") @DecimalMax(MAX_POINTS) Float y,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_POINTS) Float width,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_POINTS) Float height,
            @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_-]{0,63}$", message = "an anchor is a name such as principal") String anchor) {
    }

    @Schema(description = "One level of the chain: its signers are the named users, the holders of a role or the members "
            + "of a group (a role or group is resolved to active members of the document's organisation when the step "
            + "starts); mode ANY needs one of them, ALL every one")
    public record StepDefinition(
            @Size(max = 50) List<@NotNull UUID> users,
            @Size(min = 1, max = 64) String role,
            UUID groupId,
            @NotNull WorkflowStep.Mode mode,
            @NotNull @Valid Placement placement,
            @Schema(description = "The signers' position printed under their name, e.g. ผู้อำนวยการโรงเรียน")
            @Size(max = 200) String position) {
    }

    @Schema(description = "Either templateId or steps")
    public record CreateWorkflow(
            @NotNull UUID documentId,
            UUID templateId,
            @Size(max = 20) List<@NotNull @Valid StepDefinition> steps,
            @Schema(description = "Seal with the organisation's key after the last step; a template's choice without it")
            Boolean sealAtEnd) {
    }

    @Schema(description = "The same chain on many documents of one type, all or none")
    public record CreateWorkflowBatch(
            @NotEmpty @Size(max = 1000) List<@NotNull UUID> documentIds,
            UUID templateId,
            @Size(max = 20) List<@NotNull @Valid StepDefinition> steps,
            Boolean sealAtEnd) {
    }

    public record WorkflowBatchView(List<WorkflowView> workflows) {
    }

    public record SignerView(UUID userId, String name, WorkflowSigner.State state, SignatureKind signatureKind,
                             Instant actedAt) {
    }

    public record StepView(int seq, WorkflowStep.Mode mode, List<UUID> users, String role, UUID groupId,
                           Placement placement, String position, WorkflowStep.Status status,
                           @Schema(description = "Resolved when the step starts; empty before") List<SignerView> signers) {
    }

    public record HistoryEntry(long seq, int round, Integer step, WorkflowEvent.Action action, String actor,
                               UUID userId, String name, String text, SignatureKind signatureKind,
                               @Schema(description = "The document version the action made") Integer versionSeq,
                               Instant at) {
    }

    public record WorkflowView(UUID id, UUID organizationId, UUID documentId, DocumentType documentType,
                               String documentTitle, DocumentStatus documentStatus, Workflow.Status status,
                               Integer currentStep, int round, boolean sealAtEnd, UUID templateId,
                               List<StepView> steps, List<HistoryEntry> history, String createdBy, Instant createdAt,
                               Instant updatedAt) {
    }

    public record Comment(@NotBlank @Size(max = 2000) String text) {
    }

    public record Approval(
            @Schema(description = "The signature image; the signer's default one without it") UUID imageId,
            @Size(max = 2000) String comment) {
    }

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "Restart a rejected chain on the version it started from (no new file)")
    public record Resubmission(@Size(max = 2000) String comment) {
    }

    public record TaskView(UUID workflowId, UUID documentId, DocumentType documentType, String documentTitle,
                           int step, int round, Instant waitingSince) {
    }

    @Schema(description = "Either workflowIds, or documentType for every workflow of that type waiting on the caller")
    public record BulkApproval(
            @Size(max = 1000) List<@NotNull UUID> workflowIds,
            DocumentType documentType,
            UUID imageId,
            @Size(max = 2000) String comment) {
    }

    public record CreateWorkflowTemplate(
            @NotBlank @Size(max = 200) String name,
            @NotNull DocumentType documentType,
            @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid StepDefinition> steps,
            Boolean sealAtEnd) {
    }

    public record WorkflowTemplateView(UUID id, UUID organizationId, String name, DocumentType documentType,
                                       List<StepDefinition> steps, boolean sealAtEnd, String createdBy,
                                       Instant createdAt, Instant retiredAt) {
    }
}
