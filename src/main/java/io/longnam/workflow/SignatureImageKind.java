package io.longnam.workflow;

/** How a signature image came to be: drawn as ink strokes and rendered here, or uploaded as a picture and normalised. */
public enum SignatureImageKind {
    DRAWN,
    UPLOADED
}
