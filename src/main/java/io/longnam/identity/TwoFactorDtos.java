package io.longnam.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TwoFactorDtos {

    private TwoFactorDtos() {
    }

    static final String CODE = "^[0-9]{6}$";
    static final String CODE_MESSAGE = "six digits";

    public enum StepUpMethod { TOTP, EMAIL }

    public enum TotpState { NONE, PENDING, ACTIVE }

    public record TwoFactorStatus(
            @Schema(description = "Whether the organisation the caller acts for requires a step-up before approving")
            boolean required,
            TotpState totp,
            Instant totpConfirmedAt,
            @Schema(description = "Where e-mail codes go; null when the account has no e-mail address")
            String email) {
    }

    @Schema(description = "Shown once: put the URI in a QR code for the authenticator app, or type the secret in by hand."
            + " Confirm with a first code before it counts.")
    public record TotpEnrolmentStarted(String otpauthUri, @Schema(description = "RFC 4648 base32, no padding") String secret,
                                       String issuer, String account, String algorithm, int digits, int period,
                                       Instant createdAt) {
    }

    public record CodeSubmission(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
    }

    public record EmailCodeSent(String sentTo, Instant expiresAt) {
    }

    public record StepUpRequest(@NotNull StepUpMethod method,
                                @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
    }

    public record StepUpGrantView(
            @Schema(description = "Send it in the header named by `header` with each approval until it expires")
            String grant, Instant expiresAt, StepUpMethod method, String header) {
    }
}
