package io.longnam.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.longnam.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ClientDtos {

    private ClientDtos() {
    }

    public record CreateClient(@NotBlank @Size(max = 200) String name, @NotEmpty Set<Role> roles) {
    }

    public record ClientPatch(@Schema(description = "false disables the client and every token it holds, at once")
                              Boolean enabled) {
    }

    /** Listing view: never carries the secret. */
    public record ClientView(UUID id, UUID organizationId, String clientId, String name, Set<Role> roles,
                             boolean enabled, Instant disabledAt, Instant lastUsedAt, Instant createdAt, String createdBy) {

        static ClientView of(AgencyClient c) {
            return new ClientView(c.id, c.organizationId, c.clientId, c.name, c.roleSet(), c.enabled(), c.disabledAt,
                    c.lastUsedAt, c.createdAt, c.createdBy);
        }
    }

    /** Answer to create: the only time {@code clientSecret} is ever shown. */
    public record IssuedClient(UUID id, UUID organizationId, String clientId, String clientSecret, String name,
                               Set<Role> roles, Instant createdAt) {
    }

    /** RFC 6749 §5.1 access token response. */
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    /**
     * RFC 6749 §5.2 error response, which OAuth client libraries parse; it also carries the RFC 9457 members, so it
     * reads like every other refusal of this service.
     */
    public record TokenError(String error, @JsonProperty("error_description") String errorDescription,
                             String type, String title, int status, String detail) {

        static TokenError of(int status, String error, String description) {
            return new TokenError(error, description, "https://longnam.io/problems/oauth-" + error.replace('_', '-'),
                    status == 401 ? "Unauthorized" : "Bad request", status, description);
        }
    }
}
