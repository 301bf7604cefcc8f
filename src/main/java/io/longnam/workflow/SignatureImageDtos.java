package io.longnam.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SignatureImageDtos {

    private SignatureImageDtos() {
    }

    @Schema(description = "A signature drawn on a canvas, as the pointer events gave it. Coordinates are in canvas units"
            + " (CSS pixels of the drawing area), origin at the top left, y growing downwards; every point lies within"
            + " 0..width and 0..height. The service draws smooth curves through the points, thicker where the pressure"
            + " was higher (or, without pressure, where the pen moved slower), and trims the picture to the ink.")
    public record SignatureDrawing(
            @Schema(description = "Pen-down to pen-up runs of points, in drawing order")
            @NotEmpty List<@NotNull @Valid InkStroke> strokes,
            @Schema(description = "Canvas width in canvas units (default and maximum: the configured largest canvas, 4096)")
            Double width,
            @Schema(description = "Canvas height in canvas units (default and maximum: the configured largest canvas, 4096)")
            Double height,
            @Schema(description = "Ink colour, BLUE (default, a ballpoint blue) or BLACK")
            Ink ink) {
    }

    public record InkStroke(@NotEmpty List<@NotNull @Valid InkPoint> points) {
    }

    public record InkPoint(
            @NotNull Double x,
            @NotNull Double y,
            @Schema(description = "Pen pressure 0..1 as PointerEvent.pressure reports it; default 0.5")
            Double pressure,
            @Schema(description = "Milliseconds since any fixed moment (e.g. the stroke's start), used for the pen's speed")
            Double t) {
    }

    public enum Ink {
        BLUE,
        BLACK
    }

    public record SignatureImageView(UUID id, UUID userId, SignatureImageKind kind, int widthPx, int heightPx,
                                     @JsonProperty("isDefault") boolean isDefault, Instant createdAt) {
    }

    public record SignatureImagePatch(@JsonProperty("default") @NotNull Boolean makeDefault) {
    }

    @Schema(name = "SignatureImageUpload")
    public static class SignatureImageUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true,
                description = "A PNG or JPEG of the signature on a light background (or already transparent)")
        public String file;
    }
}
