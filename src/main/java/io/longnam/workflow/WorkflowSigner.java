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
import java.time.Instant;
import java.util.UUID;

/** A person a started step waits on, and what they did in the current round. */
@Entity
@Table(name = "workflow_signer")
@IdClass(WorkflowSigner.Key.class)
public class WorkflowSigner extends PanacheEntityBase {

    public enum State { WAITING, APPROVED, REJECTED, NOT_NEEDED }

    public record Key(UUID workflowId, int seq, UUID userId) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    @Id
    @Column(name = "workflow_id")
    public UUID workflowId;
    @Id
    public int seq;
    @Id
    @Column(name = "user_id")
    public UUID userId;
    /** Order within the step; with mode ALL each signer gets its own slice of the step's box, by this order. */
    public int position;
    @Enumerated(EnumType.STRING)
    public State state;
    @Enumerated(EnumType.STRING)
    @Column(name = "signature_kind")
    public SignatureKind signatureKind;
    @Column(name = "acted_at")
    public Instant actedAt;
}
