package io.longnam.tenancy;

import io.longnam.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ApiKeyDtos {

    private ApiKeyDtos() {
    }

    @Schema(example = """
            {"name": "ระบบทะเบียนนักเรียน", "roles": ["REGISTRAR", "SIGNER"], "expiresAt": "2027-11-29T00:00:00Z"}""")
    public record CreateApiKey(@NotBlank @Size(max = 200) String name, @NotEmpty Set<Role> roles, Instant expiresAt) {
    }

    /** Listing view: never carries the secret. */
    public record ApiKeyView(UUID id, UUID organizationId, String name, String prefix, Set<Role> roles,
                             Instant expiresAt, Instant revokedAt, Instant lastUsedAt, UUID rotatedFrom,
                             Instant createdAt) {

        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id, k.organizationId, k.name, k.prefix, k.roleSet(), k.expiresAt, k.revokedAt,
                    k.lastUsedAt, k.rotatedFrom, k.createdAt);
        }
    }

    /** Answer to create and rotate: the only time {@code key} is ever shown. */
    @Schema(example = """
            {"id": "8d1e4f2a-6b3c-4e5d-9f70-1a2b3c4d5e6f", "organizationId": "2f9c1e7b-4a3d-4b8e-8c6f-0d1e2f3a4b5c",
             "name": "ระบบทะเบียนนักเรียน", "prefix": "Ab3dE5gH", "roles": ["REGISTRAR", "SIGNER"],
             "expiresAt": "2027-11-29T00:00:00Z", "createdAt": "2026-11-29T03:00:00Z",
             "key": "ln_Ab3dE5gH_q8Zr2Lk9Xw4Vt7Ns1Mp6Jh3Gf0Dc5Bx8Az2Yv4Uu7Tt"}""")
    public record IssuedApiKey(UUID id, UUID organizationId, String name, String prefix, Set<Role> roles,
                               Instant expiresAt, Instant createdAt, String key) {
    }
}
