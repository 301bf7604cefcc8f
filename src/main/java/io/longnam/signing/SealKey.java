package io.longnam.signing;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.KeyProvider;
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

    @Override
    public String toString() {
        return "SealKey[" + provider.name() + ", " + algorithm + ", "
                + certificate().getSubjectX500Principal().getName() + "]";
    }
}
