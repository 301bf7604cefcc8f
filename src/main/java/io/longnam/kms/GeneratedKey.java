package io.longnam.kms;

import java.security.PublicKey;

/**
 * A freshly generated key: {@code keyRef} is what the caller stores to use the key later; it is opaque and,
 * for the software provider, holds the wrapped private key, so it is kept out of {@link #toString()}.
 */
public record GeneratedKey(String keyRef, PublicKey publicKey) {
    @Override
    public String toString() {
        return "GeneratedKey[" + publicKey.getAlgorithm() + ", keyRef=<" + keyRef.length() + " chars>]";
    }
}
