package io.longnam.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    /** Ids from the root, e.g. {@code /root/obec/school/}; a subtree is every path with this prefix. */
    public String path;
    public String code;
    public String name;
    @Column(name = "timestamp_enabled")
    public boolean timestampEnabled;
    /** People of this organisation must pass a two-factor step-up before approving (TOR 2.5.6). */
    @Column(name = "two_factor_required")
    public boolean twoFactorRequired;
    @Column(name = "default_signature_level")
    public String defaultSignatureLevel;
    @Column(name = "default_retention_days")
    public Integer defaultRetentionDays;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** HQL condition on an {@code organizationId} column: the row belongs to the subtree given as {@code :subtree}. */
    public static final String IN_SUBTREE = "organizationId in (select o.id from Organization o where o.path like :subtree)";

    /** The {@code :subtree} value for {@link #IN_SUBTREE}: every organisation whose path starts with {@code path}. */
    public static String subtree(String path) {
        return path.replace("%", "\\%") + "%";
    }
}
