package io.longnam.tenancy;

import io.longnam.identity.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    /** How a key's actor name starts: {@code apikey:<prefix>} in audit rows, created_by columns and principals. */
    public static final String ACTOR_PREFIX = "apikey:";

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    public String prefix;
    @Column(name = "secret_hash")
    public byte[] secretHash;
    /** Comma-separated {@link Role} names. */
    public String roles;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "rotated_from")
    public UUID rotatedFrom;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public Set<Role> roleSet() {
        return Role.split(roles);
    }

    public void roleSet(Set<Role> set) {
        roles = Role.join(set);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
