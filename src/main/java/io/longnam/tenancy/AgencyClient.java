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

/** An agency's system that authenticates with a client id and secret (OAuth 2.0 client credentials). */
@Entity
@Table(name = "agency_client")
public class AgencyClient extends PanacheEntityBase {

    /** How a client's actor name starts: {@code client:<client id>}. */
    public static final String ACTOR_PREFIX = "client:";

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    /** The public half of the credentials, {@code lnc_…}. */
    @Column(name = "client_id")
    public String clientId;
    public String name;
    @Column(name = "secret_hash")
    public byte[] secretHash;
    /** Comma-separated {@link Role} names. */
    public String roles;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public Set<Role> roleSet() {
        return Role.split(roles);
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
