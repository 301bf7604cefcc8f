package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.Pkcs11KeyProvider;
import io.longnam.testpki.PdfTools;
import io.longnam.testpki.SoftHsm;
import io.longnam.testpki.TestPki;
import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class Pkcs11ConcurrentSealingTest {

    @Test
    void thirtyTwoThreadsSealingOnOneTokenAllSucceed() throws Exception {
        SoftHsm hsm = SoftHsm.shared();
        try (TestPki pki = new TestPki();
             Pkcs11KeyProvider token = new Pkcs11KeyProvider(hsm.library(), hsm.tokenLabel(), hsm.pin())) {
            SealKey rsa = SealKeys.issue(token, KeyAlgorithm.RSA_2048, pki);
            SealKey ec = SealKeys.issue(token, KeyAlgorithm.EC_P256, pki);
            PadesSealer sealer = new PadesSealer(TestTsaConfig.none(), TestSigningConfig.LEAN);
            int threads = 32;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<byte[]>> results = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    SealKey key = i % 2 == 0 ? rsa : ec;
                    byte[] pdf = PdfTools.onePage("concurrent " + i);
                    results.add(pool.submit(() -> {
                        start.await();
                        return sealer.seal(pdf, key, SealRequest.invisible(SignatureLevel.B_B, "load", "Bangkok"));
                    }));
                }
                start.countDown();
                SignatureVerifier verifier = new SignatureVerifier();
                for (Future<byte[]> result : results) {
                    VerificationReport report = verifier.verify(result.get(), List.of(pki.root()));
                    assertThat(report.valid()).as(report.toString()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
