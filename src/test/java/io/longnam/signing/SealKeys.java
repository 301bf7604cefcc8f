package io.longnam.signing;

import io.longnam.kms.CertificateChains;
import io.longnam.kms.Csr;
import io.longnam.kms.GeneratedKey;
import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.KeyProvider;
import io.longnam.testpki.TestPki;
import java.time.Instant;
import java.util.UUID;

/** The onboarding path a tenant's seal key takes: generate → CSR → CA issues → chain checked against the key. */
final class SealKeys {

    static final String SUBJECT = "CN=โรงเรียนบ้านหนองใหญ่,O=Longnam Test School,C=TH";

    private SealKeys() {
    }

    static SealKey issue(KeyProvider provider, KeyAlgorithm algorithm, TestPki pki) {
        GeneratedKey key = provider.generate("seal-" + UUID.randomUUID(), algorithm);
        String csr = Csr.pkcs10Pem(provider, key.keyRef(), algorithm, SUBJECT);
        var certificate = pki.issueSeal(csr);
        var chain = CertificateChains.forKey(pki.chainPem(certificate), key.publicKey(), Instant.now());
        return new SealKey(provider, key.keyRef(), algorithm, chain);
    }
}
