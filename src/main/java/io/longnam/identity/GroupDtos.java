package io.longnam.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class GroupDtos {

    private GroupDtos() {
    }

    /** Letters with their marks (Thai vowels and tone marks are category M), digits, spaces and a little punctuation. */
    static final String NAME = "^[\\p{L}\\p{M}\\p{N} ._()\\-]{1,100}$";

    public record CreateGroup(@NotBlank @Pattern(regexp = NAME) String name,
                              @Schema(description = "A group of this organisation or of an ancestor; omit for a top-level group")
                              UUID parentId,
                              @Schema(description = "Built-in or custom role names granted to the members, in this organisation")
                              @Size(max = 50) Set<@NotBlank String> roles) {
    }

    public record GroupPatch(@Pattern(regexp = NAME) String name, @Size(max = 50) Set<@NotBlank String> roles,
                             @Schema(description = "A new parent; use detach to make the group top-level") UUID parentId,
                             Boolean detach) {
    }

    public record GroupView(UUID id, UUID organizationId, UUID parentId, String name, Set<String> roles, long members,
                            Instant createdAt, String createdBy, Instant updatedAt) {
    }

    public record GroupMemberView(UUID userId, String name, UserStatus status, Instant addedAt, String addedBy) {
    }
}
