package io.longnam.kms;

import java.security.PublicKey;

/**
 * Holds private keys and signs with them; callers only ever see an opaque key reference.
 * Implementations are thread-safe.
 */
public interface KeyProvider {

    /** Stable name stored next to each key reference ("software", "pkcs11"). */
    String name();

    /** Creates a new key pair; {@code alias} names it for humans and, on tokens, on the device. */
    GeneratedKey generate(String alias, KeyAlgorithm algorithm);

    PublicKey publicKey(String keyRef);

    /** Signs {@code data} with {@link KeyAlgorithm#jcaSignatureAlgorithm()}: the digest is computed here. */
    byte[] sign(String keyRef, KeyAlgorithm algorithm, byte[] data);

    /** Makes the key unusable for signing through this provider. */
    void disable(String keyRef);

    KeyDescription describe(String keyRef);
}
