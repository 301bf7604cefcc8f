package io.longnam.signing;

import java.time.Instant;

/** A signature time-stamp: the time the TSA attests, and whether the token validated (PASSED). */
public record TimestampReport(Instant time, boolean valid) {
}
