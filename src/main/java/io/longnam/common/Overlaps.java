package io.longnam.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The {@code overlap} query parameter of rotations: how long the replaced credential keeps working. */
public final class Overlaps {

    private Overlaps() {
    }

    /** ISO-8601 duration between PT0S and P30D; absent means PT24H. */
    public static Duration parse(String overlap) {
        if (overlap == null) {
            return Duration.ofHours(24);
        }
        try {
            Duration d = Duration.parse(overlap);
            if (d.isNegative() || d.compareTo(Duration.ofDays(30)) > 0) {
                throw ProblemException.invalid("overlap", "overlap must be between PT0S and P30D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("overlap", "overlap must be an ISO-8601 duration such as PT24H");
        }
    }
}
