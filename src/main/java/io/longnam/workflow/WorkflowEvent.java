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

/** One entry of a workflow's history, in order of {@code atSeq}; written once, never changed. */
@Entity
@Table(name = "workflow_event")
public class WorkflowEvent extends PanacheEntityBase {

    public enum Action { SUBMITTED, STEP_STARTED, COMMENTED, APPROVED, REJECTED, RESUBMITTED, COMPLETED, SEALED }

    @Id
    public UUID id;
    @Column(name = "workflow_id")
    public UUID workflowId;
    @Column(name = "at_seq")
    public long atSeq;
    public int round;
    public Integer step;
    @Enumerated(EnumType.STRING)
    public Action action;
    public String actor;
    @Column(name = "user_id")
    public UUID userId;
    public String text;
    @Enumerated(EnumType.STRING)
    @Column(name = "signature_kind")
    public SignatureKind signatureKind;
    @Column(name = "version_seq")
    public Integer versionSeq;
    @Column(name = "created_at")
    public Instant createdAt;
}
