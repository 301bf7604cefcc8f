package io.longnam.kms;

/** A certificate chain cannot be used with a key: unparsable, broken, expired, or issued for another key. */
public class CertificateChainException extends RuntimeException {
    public CertificateChainException(String message) {
        super(message);
    }

    public CertificateChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
