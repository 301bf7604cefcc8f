package io.longnam.kms;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Certificate signing requests for provider-held keys, to send to a CA. */
public final class Csr {

    private Csr() {
    }

    /**
     * A PEM PKCS#10 request for {@code subjectDn} (e.g. {@code "CN=โรงเรียนบ้านหนองใหญ่,O=...,C=TH"}; attribute
     * values are encoded as UTF8String, so Thai names are kept), signed through the provider.
     */
    public static String pkcs10Pem(KeyProvider provider, String keyRef, KeyAlgorithm algorithm, String subjectDn) {
        X500Name subject;
        try {
            subject = new X500Name(BCStyle.INSTANCE, subjectDn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + subjectDn, e);
        }
        var request = new JcaPKCS10CertificationRequestBuilder(subject, provider.publicKey(keyRef))
                .build(new ProviderContentSigner(provider, keyRef, algorithm));
        return Pem.encode(java.util.List.of(request));
    }
}
