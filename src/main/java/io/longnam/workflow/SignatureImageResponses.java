package io.longnam.workflow;

import io.longnam.common.ProblemException;
import io.longnam.workflow.SignatureImageDtos.SignatureImagePatch;
import io.longnam.workflow.SignatureImageDtos.SignatureImageView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** What the two signature-image resources (one's own, a user's) answer alike. */
final class SignatureImageResponses {

    static final String PNG = "image/png";
    static final String UPLOAD_DESCRIPTION = "A PNG or JPEG, at most longnam.signature-images.max-bytes (6 MiB) and"
            + " max-pixels (16 M, read from the header before decoding). A light background becomes transparent, the"
            + " picture is cropped to the ink and scaled down to at most 1200 × 600 px. Not PNG/JPEG: 415; damaged,"
            + " blank, on a dark background or too many pixels: 422; too large: 413. The first image is the default.";
    static final String DRAW_DESCRIPTION = "Ink strokes as pointer events gave them (see SignatureDrawing), rendered"
            + " as a smooth transparent PNG trimmed to the ink (at most 1200 × 600 px). Too many strokes or points, or a"
            + " coordinate outside the canvas: 400 naming the field. The first image is the default.";

    private SignatureImageResponses() {
    }

    static Response created(UriInfo uri, String collection, SignatureImageView image) {
        return Response.created(uri.getBaseUriBuilder().path(collection).path(image.id().toString()).build())
                .entity(image).build();
    }

    static void requireDefaultTrue(SignatureImagePatch patch) {
        if (!patch.makeDefault()) {
            throw ProblemException.invalid("default", "to change the default, make another image the default");
        }
    }

    static Response png(UUID imageId, byte[] png) {
        return Response.ok(png, PNG)
                .header("Content-Disposition", "inline; filename=\"signature-" + imageId + ".png\"")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
