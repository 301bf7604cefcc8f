package io.longnam.signing;

/**
 * A time-stamp was required (B-T or higher) but the TSA is not configured or did not deliver one. Retry later;
 * a seal is never downgraded to B-B or dated by the server's own clock instead.
 */
public class TsaUnavailableException extends SealingException {
    public TsaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
