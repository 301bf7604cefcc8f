package io.longnam.signing;

import io.longnam.common.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

public final class SealDtos {

    private SealDtos() {
    }

    /** Body of a seal request; every field optional. Without {@code level} the organisation's settings decide. */
    @Schema(example = """
            {"level": "B-LT", "reason": "รับรองผลการเรียน", "location": "กรุงเทพมหานคร",
             "visible": {"page": 1, "x": 380, "y": 700, "text": "ตราโรงเรียนบ้านหนองบัว"}}""")
    public record SealCommand(UUID keyId, SignatureLevel level,
                              @Size(max = 200) String reason, @Size(max = 200) String location,
                              @Valid Visible visible) {
    }

    /**
     * A visible seal: PDF points from the page's top-left corner; {@code image} is an optional base64 PNG logo. Only
     * {@code text} is required: the box defaults to page 1, one inch in from the top-left, 200 × 60 points.
     */
    public record Visible(@Schema(defaultValue = "1") @Min(1) Integer page,
                          @Schema(defaultValue = "72") @DecimalMin("0") Float x,
                          @Schema(defaultValue = "72") @DecimalMin("0") Float y,
                          @Schema(defaultValue = "200") @DecimalMin("10") Float width,
                          @Schema(defaultValue = "60") @DecimalMin("10") Float height,
                          @NotBlank @Size(max = 300) String text, @Size(max = 700_000) String image) {

        static final int DEFAULT_PAGE = 1;
        static final float DEFAULT_X = 72;
        static final float DEFAULT_Y = 72;
        static final float DEFAULT_WIDTH = 200;
        static final float DEFAULT_HEIGHT = 60;

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
            return new VisibleSeal(page == null ? DEFAULT_PAGE : page, x == null ? DEFAULT_X : x, y == null ? DEFAULT_Y : y,
                    width == null ? DEFAULT_WIDTH : width, height == null ? DEFAULT_HEIGHT : height, text, png);
        }
    }
}
