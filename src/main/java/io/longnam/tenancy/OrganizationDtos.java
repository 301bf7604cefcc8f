package io.longnam.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import io.longnam.signing.SignatureLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    public record CreateOrganization(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$", message = "2-64 letters, digits, '.', '_' or '-'") String code,
            UUID parentId) {
    }

    /** Fields left null are not changed. */
    public record SettingsPatch(
            Boolean timestampEnabled,
            SignatureLevel defaultSignatureLevel,
            @Min(1) @Max(36500) Integer defaultRetentionDays,
            @Schema(description = "Whether people must pass a two-factor step-up (header X-Step-Up) before approving")
            Boolean twoFactorRequired) {
    }

    public record Settings(boolean timestampEnabled, SignatureLevel defaultSignatureLevel, Integer defaultRetentionDays,
                           boolean twoFactorRequired) {
    }

    public record OrganizationView(UUID id, UUID parentId, String code, String name, Settings settings,
                                   Instant createdAt, Instant updatedAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.parentId, o.code, o.name,
                    new Settings(o.timestampEnabled, SignatureLevel.valueOf(o.defaultSignatureLevel), o.defaultRetentionDays,
                            o.twoFactorRequired),
                    o.createdAt, o.updatedAt);
        }
    }
}
