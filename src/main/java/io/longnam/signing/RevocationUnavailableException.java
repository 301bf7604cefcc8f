package io.longnam.signing;

/** B-LT/B-LTA needs CRL or OCSP answers for the certificates and they could not be fetched; retry later. */
public class RevocationUnavailableException extends SealingException {
    public RevocationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
