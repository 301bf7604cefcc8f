package io.longnam.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class RoleDtos {

    // Letters with their combining marks (Thai vowels and tone marks are marks), digits, and inner space, '.', '_', '-':
    // no comma, since role names are stored comma-joined on memberships.
    static final String NAME = "^[\\p{L}\\p{M}\\p{N}]([\\p{L}\\p{M}\\p{N} ._-]{0,62}[\\p{L}\\p{M}\\p{N}])?$";
    static final String NAME_MESSAGE = "1-64 letters, digits, space, '.', '_' or '-', starting and ending with a letter or digit";

    private RoleDtos() {
    }

    public record CreateRole(@NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
                             @Size(max = 1000) String description,
                             @NotEmpty @Size(max = 100) List<@NotBlank String> permissions) {
    }

    /** Fields left null are not changed; {@code permissions} replaces the whole set. */
    public record RolePatch(@Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
                            @Size(max = 1000) String description,
                            @Size(min = 1, max = 100) List<@NotNull @NotBlank String> permissions) {
    }

    /**
     * @param organizationId the organisation that defines the role; differs from the one asked about for a role
     *                       inherited from an ancestor
     */
    public record RoleView(UUID id, UUID organizationId, String name, String description, List<String> permissions,
                           boolean inherited, Instant createdAt, String createdBy, Instant updatedAt) {

        static RoleView of(CustomRole r, UUID askedFor) {
            return new RoleView(r.id, r.organizationId, r.name, r.description, values(r.permissionSet()),
                    !r.organizationId.equals(askedFor), r.createdAt, r.createdBy, r.updatedAt);
        }
    }

    public record PermissionView(String name, String description) {
    }

    public record BuiltInRoleView(String name, List<String> permissions) {
    }

    /** Everything a custom role may be built from, and what each built-in role already confers. */
    public record PermissionCatalogue(List<PermissionView> permissions, List<BuiltInRoleView> roles) {
    }

    static List<String> values(java.util.Set<Permission> permissions) {
        return permissions.stream().map(Permission::value).sorted().toList();
    }
}
