package io.longnam.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters parsed here answer 400 with the field name (JAX-RS itself would answer 404). */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A form field or stream value spelt exactly as the contract's enum ({@link EnumValues}); blank is absent. */
    public static <E extends Enum<E>> E value(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EnumValues.parse(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be " + e.getMessage());
        }
    }

    public static java.time.Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " must be an ISO-8601 instant such as 2026-11-25T00:00:00Z");
        }
    }

    /** Absent means false; anything but true or false is refused rather than silently read as false. */
    public static boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(field, field + " must be true or false");
        };
    }

    /** A text filter: trimmed, and absent when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
