package io.longnam.kms;

import java.security.cert.X509Certificate;
import java.util.List;

/** A key taken over from a PKCS#12 file, with the certificate chain that came with it (leaf first). */
public record ImportedKey(String keyRef, KeyAlgorithm algorithm, List<X509Certificate> chain) {
    @Override
    public String toString() {
        return "ImportedKey[" + algorithm + ", subject=" + chain.getFirst().getSubjectX500Principal().getName()
                + ", keyRef=<" + keyRef.length() + " chars>]";
    }
}
