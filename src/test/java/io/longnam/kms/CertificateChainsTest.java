package io.longnam.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.testpki.TestPki;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateChainsTest {

    static TestPki pki;
    static SoftwareKeyProvider provider;

    @BeforeAll
    static void setUp() {
        pki = new TestPki();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        provider = new SoftwareKeyProvider(master);
    }

    @AfterAll
    static void tearDown() {
        pki.close();
    }

    @Test
    void csrCarriesTheThaiSubjectAndTheIssuedChainIsOrderedLeafFirst() {
        GeneratedKey key = provider.generate("k", KeyAlgorithm.EC_P256);
        var cert = pki.issueSeal(Csr.pkcs10Pem(provider, key.keyRef(), KeyAlgorithm.EC_P256,
                "CN=โรงเรียนบ้านหนองใหญ่,O=สพฐ,C=TH"));
        String shuffled = TestPki.pem(List.of(pki.root(), cert, pki.issuingCa()));

        var chain = CertificateChains.forKey(shuffled, key.publicKey(), Instant.now());

        assertThat(chain).containsExactly(cert, pki.issuingCa(), pki.root());
        assertThat(cert.getSubjectX500Principal().getName()).contains("โรงเรียนบ้านหนองใหญ่");
    }

    @Test
    void certificateForAnotherKeyIsRejected() {
        GeneratedKey mine = provider.generate("mine", KeyAlgorithm.RSA_2048);
        GeneratedKey other = provider.generate("other", KeyAlgorithm.RSA_2048);
        var otherCert = pki.issueSeal(Csr.pkcs10Pem(provider, other.keyRef(), KeyAlgorithm.RSA_2048, "CN=Other,C=TH"));

        assertThatThrownBy(() -> CertificateChains.forKey(pki.chainPem(otherCert), mine.publicKey(), Instant.now()))
                .isInstanceOf(CertificateChainException.class).hasMessageContaining("different key");
    }

    @Test
    void chainNotValidAtTheGivenTimeOrIncompleteIsRejected() {
        GeneratedKey key = provider.generate("t", KeyAlgorithm.EC_P256);
        var cert = pki.issueSeal(Csr.pkcs10Pem(provider, key.keyRef(), KeyAlgorithm.EC_P256, "CN=T,C=TH"));

        assertThatThrownBy(() -> CertificateChains.forKey(pki.chainPem(cert), key.publicKey(),
                Instant.now().plus(Duration.ofDays(400)))).hasMessageContaining("not valid at");
        assertThatThrownBy(() -> CertificateChains.forKey(TestPki.pem(List.of(cert, pki.root())), key.publicKey(),
                Instant.now())).isInstanceOf(CertificateChainException.class);
        assertThatThrownBy(() -> CertificateChains.parse("not a certificate"))
                .isInstanceOf(CertificateChainException.class);
    }
}
