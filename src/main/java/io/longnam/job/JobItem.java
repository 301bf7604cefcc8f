package io.longnam.job;

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

/** Read model of one job item; workers change items with fenced SQL updates (see {@link JobStore}). */
@Entity
@Table(name = "job_item")
public class JobItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "job_id")
    public UUID jobId;
    public int seq;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String input;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_fields")
    public String errorFields;
    public int attempts;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
