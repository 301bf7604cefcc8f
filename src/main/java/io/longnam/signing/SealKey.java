package io.longnam.signing;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.KeyProvider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The key a seal is made with: where it lives and the certificate chain issued for it, leaf first
 * (as returned by {@link io.longnam.kms.CertificateChains#forKey}).
 */
public record SealKey(KeyProvider provider, String keyRef, KeyAlgorithm algorithm, List<X509Certificate> chain) {
    public SealKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a seal key needs its certificate chain");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The DER size of the whole chain, as a CMS signature carries it. */
    public int chainEncodedLength() {
        int size = 0;
        for (X509Certificate c : chain) {
            try {
                size += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return size;
    }

    /**
     * The largest signature value the key can give: the RSA modulus, or an ECDSA-Sig-Value, a SEQUENCE of two
     * INTEGERs each possibly one byte longer than the field for its sign bit.
     */
    public int maxSignatureLength() {
        int bytes = (algorithm.bits() + 7) / 8;
        return algorithm.keyType().equals("RSA") ? bytes : 2 * (bytes + 1) + 8;
    }

    @Override
    public String toString() {
        return "SealKey[" + provider.name() + ", " + algorithm + ", "
                + certificate().getSubjectX500Principal().getName() + "]";
    }
}
