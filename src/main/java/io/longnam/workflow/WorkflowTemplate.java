package io.longnam.workflow;

import io.longnam.document.DocumentType;
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

/** A reusable chain for one document type; retired templates stay readable and start nothing new. */
@Entity
@Table(name = "workflow_template")
public class WorkflowTemplate extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
    /** The steps as given ({@code List<StepDefinition>} in JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String steps;
    @Column(name = "seal_at_end")
    public boolean sealAtEnd;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
}
