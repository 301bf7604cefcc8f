package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.kms.KeyAlgorithm;
import io.longnam.kms.SoftwareKeyProvider;
import io.longnam.support.TestPdfs;
import io.longnam.testpki.TestPki;
import io.longnam.testpki.TestSigningConfig;
import io.longnam.testpki.TestTsaConfig;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a sealed page-tree attack costs DSS when nothing refuses it first, and that cancelling the check really
 * stops it (DSS ignores interrupts; {@link InterruptiblePdfDifferences} does not).
 */
class PageTreeVerificationCostTest {

    // Cost grows with the square of the count: 20,000 took 78 s uninterrupted on a shared 2-core machine.
    static final int KIDS = 5_000;

    static TestPki pki;
    static byte[] sealed;

    @BeforeAll
    static void seal() {
        pki = new TestPki();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        SealKey key = SealKeys.issue(new SoftwareKeyProvider(master), KeyAlgorithm.RSA_2048, pki);
        sealed = new PadesSealer(TestTsaConfig.none(), TestSigningConfig.LEAN).seal(TestPdfs.pageNamedTimes(KIDS), key,
                SealRequest.invisible(SignatureLevel.B_B, "cost", "test"));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    @Test
    void anInterruptedCheckStopsAtItsNextPage() throws Exception {
        long uninterrupted = millis(() -> new SignatureVerifier().verify(sealed, List.of(pki.root())));
        FutureTask<VerificationReport> task = new FutureTask<>(() -> new SignatureVerifier().verify(sealed, List.of(pki.root())));
        Thread worker = new Thread(task);
        long start = System.nanoTime();
        worker.start();
        Thread.sleep(Math.min(500, uninterrupted / 10));
        worker.interrupt();
        worker.join(60_000);
        long interrupted = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("sealed PDF naming one page %d times: DSS check %d ms uninterrupted, %d ms when interrupted%n",
                KIDS, uninterrupted, interrupted);
        assertThat(worker.isAlive()).isFalse();
        assertThat(interrupted).isLessThan(uninterrupted / 2);
        try {
            task.get();
        } catch (ExecutionException ignored) {
            // What DSS makes of the stopped check does not matter: its verdict is discarded.
        }
    }

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
