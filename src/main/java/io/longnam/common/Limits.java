package io.longnam.common;

/** Parses the {@code limit} query parameter of list endpoints. */
public final class Limits {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private Limits() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw ProblemException.invalid("limit", "limit must be between 1 and " + MAX);
        }
        return requested;
    }
}
