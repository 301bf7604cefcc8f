package io.longnam.kms;

import io.longnam.common.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SigningKeyDtos {

    private SigningKeyDtos() {
    }

    public record EnrolKey(
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.ALIAS, message = Patterns.ALIAS_MESSAGE) String alias,
            @NotNull KeyAlgorithm algorithm,
            @NotBlank @Size(max = 32) @Schema(enumeration = {"software", "pkcs11"}) String provider,
            @NotBlank @Size(max = 1000) String subject) {
    }

    /** A personal key; without a subject the certificate request names the caller (see the operation). */
    public record EnrolPersonalKey(
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.ALIAS, message = Patterns.ALIAS_MESSAGE) String alias,
            @NotNull KeyAlgorithm algorithm,
            @NotBlank @Size(max = 32) @Schema(enumeration = {"software", "pkcs11"}) String provider,
            @Size(max = 1000) String subject) {
    }

    public record CertificateUpload(@NotBlank String certificateChain) {
    }

    public record KeyPatch(@com.fasterxml.jackson.annotation.JsonProperty("default") @NotNull Boolean makeDefault) {
    }

    public record CertificateView(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter) {
    }

    public record SigningKeyView(UUID id, UUID organizationId, String alias, KeyAlgorithm algorithm,
                                 @Schema(enumeration = {"software", "pkcs11"}) String provider,
                                 String subject, SigningKey.Status status,
                                 @com.fasterxml.jackson.annotation.JsonProperty("default") boolean isDefault, String csr,
                                 List<CertificateView> certificateChain, String publicKeySha256, Instant createdAt,
                                 Instant updatedAt) {
    }

    /**
     * A person's own key. {@code inUse}: this is the key the person's approval signatures are made with (of the
     * active, unexpired keys, the one certified last).
     */
    public record PersonalKeyView(UUID id, UUID organizationId, String alias, KeyAlgorithm algorithm,
                                  @Schema(enumeration = {"software", "pkcs11"}) String provider,
                                  String subject, SigningKey.Status status, boolean inUse, String csr,
                                  List<CertificateView> certificateChain, String publicKeySha256, Instant createdAt,
                                  Instant updatedAt) {
    }
}
