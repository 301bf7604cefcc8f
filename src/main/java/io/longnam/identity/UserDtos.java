package io.longnam.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class UserDtos {

    private UserDtos() {
    }

    public record MembershipView(UUID organizationId, String organizationName, Set<String> roles, Instant createdAt) {
    }

    /** {@code nationalId} is null unless the reader is the user or an administrator of one of its organisations. */
    public record UserView(UUID id, UserStatus status, String name, String email, String nationalId, String issuer,
                           List<MembershipView> memberships, Instant createdAt, Instant updatedAt) {
    }

    public record UserPatch(@Size(max = 200) String name, @Email @Size(max = 320) String email, Boolean enabled) {
    }

    public record AddMember(@NotNull UUID userId, @NotEmpty Set<@NotBlank String> roles) {
    }

    /**
     * {@code expiresIn}: ISO-8601 duration, PT5M to P30D, default PT24H. A code bound to {@code nationalId} or
     * {@code email} admits only the person whose token carries that value.
     */
    public record CreateActivationCode(@Size(max = 64) String nationalId, @Email @Size(max = 320) String email,
                                       @NotEmpty Set<@NotBlank String> roles, String expiresIn) {
    }

    /** Answer to creating a code: the only time {@code code} is ever shown. */
    public record IssuedActivationCode(UUID id, UUID organizationId, String code, Set<String> roles,
                                       boolean boundToNationalId, String email, Instant expiresAt, Instant createdAt) {
    }

    public record Redeem(@NotBlank @Size(max = 64) String code) {
    }

    /** Who the caller is: a user (userId, status, memberships…) or an API key (apiKeyId, prefix). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(UUID userId, UUID apiKeyId, String prefix, UserStatus status, UUID organizationId,
                     String organizationName, Set<String> roles, Set<String> permissions, List<MembershipView> memberships, String name,
                     String email, String nationalId) {
    }
}
