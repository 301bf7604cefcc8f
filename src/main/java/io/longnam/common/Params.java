package io.longnam.common;


/** Query parameters parsed here answer 400 with the field name (JAX-RS itself would answer 404). */
public final class Params {

    private Params() {
    }

    /**
     * A query parameter, form field or stream value spelt exactly as the contract's enum ({@link EnumValues}), so
     * the server accepts what the spec lists and nothing else; blank is absent.
     */
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
