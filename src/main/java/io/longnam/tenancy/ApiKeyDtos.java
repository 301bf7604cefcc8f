package io.longnam.tenancy;

import io.longnam.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public final class ApiKeyDtos {

    private ApiKeyDtos() {
    }

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
    public record IssuedApiKey(UUID id, UUID organizationId, String name, String prefix, Set<Role> roles,
                               Instant expiresAt, Instant createdAt, String key) {
    }
}
