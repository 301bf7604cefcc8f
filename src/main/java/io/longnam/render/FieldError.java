package io.longnam.render;

/** One problem with one input field; {@code field} uses dotted paths for list items, e.g. {@code courses[2].grade}. */
public record FieldError(String field, String message) {
}
