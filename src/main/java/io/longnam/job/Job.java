package io.longnam.job;

import io.longnam.document.InputFormat;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A bulk job. The counters are changed by SQL updates in the transactions that settle items (never through
 * this entity), so concurrent workers do not overwrite each other's increments.
 */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    public static final String KIND_RENDER = "RENDER";
    /** Erases an organisation's documents of a period, one item per document. */
    public static final String KIND_PERIOD_PURGE = "PERIOD_PURGE";
    /** Approves workflows waiting on the submitter, one item per workflow (see io.longnam.workflow.BulkApprovals). */
    public static final String KIND_WORKFLOW_APPROVAL = "WORKFLOW_APPROVAL";

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String kind;
    @Column(name = "template_id")
    public String templateId;
    @Enumerated(EnumType.STRING)
    @Column(name = "input_format")
    public InputFormat inputFormat;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public int total;
    public int done;
    public int failed;
    public int cancelled;
    @JdbcTypeCode(SqlTypes.JSON)
    public String options;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "caller_roles")
    public String callerRoles;
    /** What the submitter could do, so workers act with its rights even when they came from custom roles. */
    @Column(name = "caller_permissions")
    public String callerPermissions;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
