package io.longnam.render;

/** A rendered PDF/A-3 document. */
public record RenderResult(byte[] pdf, int pageCount) {
}
