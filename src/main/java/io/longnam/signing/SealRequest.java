package io.longnam.signing;

/** What kind of seal to make; {@code appearance} null makes an invisible seal. */
public record SealRequest(SignatureLevel level, String reason, String location, VisibleSeal appearance) {

    public static SealRequest invisible(SignatureLevel level, String reason, String location) {
        return new SealRequest(level, reason, location, null);
    }
}
