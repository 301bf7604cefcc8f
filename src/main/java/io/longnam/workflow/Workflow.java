package io.longnam.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An approval chain on one document; changed only under its row lock (see {@link WorkflowService}). */
@Entity
@Table(name = "workflow")
public class Workflow extends PanacheEntityBase {

    /** IN_PROGRESS waits on {@code currentStep}; SEALING has every approval and waits for the organisation's seal. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WorkflowStatus")
    public enum Status { IN_PROGRESS, REJECTED, SEALING, COMPLETED }

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "document_id")
    public UUID documentId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "current_step")
    public Integer currentStep;
    public int round;
    @Column(name = "seal_at_end")
    public boolean sealAtEnd;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "start_version_id")
    public UUID startVersionId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
