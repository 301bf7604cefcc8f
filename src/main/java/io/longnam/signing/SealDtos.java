package io.longnam.signing;

import io.longnam.common.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import java.util.UUID;

public final class SealDtos {

    private SealDtos() {
    }

    /**
     * Body of a seal request; every field optional. {@code level} accepts {@code B-B}/{@code B_B} style names;
     * without it the organisation's settings decide.
     */
    public record SealCommand(UUID keyId,
                              @jakarta.validation.constraints.Pattern(regexp = "(?i)B[-_](B|T|LT|LTA)", message = "one of B-B, B-T, B-LT, B-LTA") String level,
                              @Size(max = 200) String reason, @Size(max = 200) String location,
                              @Valid Visible visible) {

        public SignatureLevel requestedLevel() {
            return SignatureLevel.parse(level);
        }
    }

    /** A visible seal: PDF points from the page's top-left corner; {@code image} is an optional base64 PNG logo. */
    public record Visible(@Min(1) int page, @DecimalMin("0") float x, @DecimalMin("0") float y,
                          @DecimalMin("10") float width, @DecimalMin("10") float height,
                          @NotBlank @Size(max = 300) String text, @Size(max = 700_000) String image) {

        VisibleSeal toSeal() {
            byte[] png = null;
            if (image != null && !image.isBlank()) {
                try {
                    png = Base64.getDecoder().decode(image.trim());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("visible.image", "image must be base64 of a PNG");
                }
                if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                    throw ProblemException.invalid("visible.image", "image must be a PNG");
                }
            }
            return new VisibleSeal(page, x, y, width, height, text, png);
        }
    }
}
