package io.longnam.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named group of users in an organisation; its roles reach its members and those of its sub-groups. */
@Entity
@Table(name = "user_group")
public class UserGroup extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "parent_id")
    public UUID parentId;
    public String name;
    /** Comma-separated role names, built-in or custom. */
    public String roles;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
