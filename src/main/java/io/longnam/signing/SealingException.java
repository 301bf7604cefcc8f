package io.longnam.signing;

/** A seal could not be made; nothing was produced. */
public class SealingException extends RuntimeException {
    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
