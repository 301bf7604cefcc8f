package io.longnam.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on signature images, drawn or uploaded (env: {@code LONGNAM_SIGNATURE_IMAGES_...}). */
@ConfigMapping(prefix = "longnam.signature-images")
public interface SignatureImagesConfig {

    /** Largest upload; a phone photo of a signature on paper is 2-5 MB. Larger → 413. */
    @WithDefault("6291456")
    long maxBytes();

    /**
     * Pixels an upload may declare in its header; checked before any pixel is decoded, so a small file claiming a
     * huge canvas (a decompression bomb) costs nothing. 16 M covers a 12-megapixel phone photo.
     */
    @WithDefault("16000000")
    long maxPixels();

    /** Largest stored image; bigger ink is scaled down to fit, a visible signature box is a few centimetres. */
    @WithDefault("1200")
    int maxWidthPx();

    @WithDefault("600")
    int maxHeightPx();

    /** Images one person may keep; bounds the list and the storage a person can take. */
    @WithDefault("20")
    int maxPerUser();

    Drawing drawing();

    interface Drawing {
        @WithDefault("200")
        int maxStrokes();

        /** Points over all strokes; a signature drawn with pointer events at 60 Hz has a few hundred to a few thousand. */
        @WithDefault("20000")
        int maxPoints();

        /** Largest canvas side (and coordinate) a drawing may state, in canvas units. */
        @WithDefault("4096")
        int maxCanvas();
    }
}
