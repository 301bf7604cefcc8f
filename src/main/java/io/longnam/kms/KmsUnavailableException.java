package io.longnam.kms;

/** The key store could not be reached right now (token missing, locked, device error); the operation may be retried. */
public class KmsUnavailableException extends KmsException {
    public KmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
