package io.longnam.signing;

/**
 * Where and how the seal appears on the page. Coordinates are PDF points (1/72 inch) from the page's top-left
 * corner; {@code page} starts at 1. {@code png} is an optional logo drawn left of the text.
 */
public record VisibleSeal(int page, float x, float y, float width, float height, String text, byte[] png) {
    public VisibleSeal {
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a visible seal needs page >= 1 and a positive width and height");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a visible seal needs text");
        }
    }
}
