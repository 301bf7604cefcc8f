package io.longnam.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One level of a chain as defined; who exactly it waits on is in {@link WorkflowSigner} once it starts. */
@Entity
@Table(name = "workflow_step")
@IdClass(WorkflowStep.Key.class)
public class WorkflowStep extends PanacheEntityBase {

    public enum Mode { ANY, ALL }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StepStatus")
    public enum Status { WAITING, ACTIVE, APPROVED, REJECTED }

    public record Key(UUID workflowId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "workflow_id")
    public UUID workflowId;
    @Id
    public int seq;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "signer_users")
    public UUID[] signerUsers;
    @Column(name = "signer_role")
    public String signerRole;
    @Column(name = "signer_group_id")
    public UUID signerGroupId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String placement;
    public String position;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "started_at")
    public java.time.Instant startedAt;
}
