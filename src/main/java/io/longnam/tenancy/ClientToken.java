package io.longnam.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An issued client-credentials access token, known only by its SHA-256. */
@Entity
@Table(name = "client_token")
public class ClientToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
