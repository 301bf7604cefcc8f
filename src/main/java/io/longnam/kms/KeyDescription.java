package io.longnam.kms;

/**
 * What a provider can tell about a key without revealing it.
 *
 * @param publicKeySha256 hex SHA-256 of the SubjectPublicKeyInfo, the usual key fingerprint
 * @param hardwareBacked  true when the private key cannot leave a token
 * @param enabled         false once {@link KeyProvider#disable(String)} was called (as far as this provider knows)
 */
public record KeyDescription(String provider, String alias, KeyAlgorithm algorithm, String publicKeySha256,
                             boolean hardwareBacked, boolean enabled) {
}
