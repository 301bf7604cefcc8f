package io.longnam.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An organisation's own named bundle of permissions; its subtree may grant it too. */
@Entity
@Table(name = "custom_role")
public class CustomRole extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    public String description;
    /** See {@link Permission#join}. */
    public String permissions;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public Set<Permission> permissionSet() {
        return Permission.split(permissions);
    }
}
