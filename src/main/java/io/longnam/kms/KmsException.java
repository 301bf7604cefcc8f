package io.longnam.kms;

/**
 * A key operation failed for a reason retrying will not fix (unknown or disabled key, wrong master key,
 * unsupported algorithm). Messages never carry key material, PINs or master keys.
 */
public class KmsException extends RuntimeException {
    public KmsException(String message) {
        super(message);
    }

    public KmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
