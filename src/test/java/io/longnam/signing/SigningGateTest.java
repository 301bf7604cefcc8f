package io.longnam.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.common.ProblemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SigningGateTest {

    @Test
    void aSignatureThatCannotGetItsTurnInTimeIsRefusedAsBusyAndRetryable() throws Exception {
        SigningGate gate = new SigningGate(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> gate.through(() -> {
            inside.countDown();
            await(leave);
            return "first";
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.through(() -> "second"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.slug()).isEqualTo("signing-busy");
                });
        leave.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(gate.through(() -> "after")).as("the permit came back").isEqualTo("after");
    }

    @Test
    void aNetworkWaitLeavesTheTurnToOthersAndTakesItBackAfterwards() throws Exception {
        SigningGate gate = new SigningGate(1, Duration.ofSeconds(5));
        CountDownLatch waitingOnTheTsa = new CountDownLatch(1);
        CountDownLatch otherSigned = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> gate.through(() -> SigningGate.outside(() -> {
            waitingOnTheTsa.countDown();
            await(otherSigned);
            return "token";
        })));
        assertThat(waitingOnTheTsa.await(5, TimeUnit.SECONDS)).isTrue();

        // The only permit is free while the first signature waits on the network.
        assertThat(gate.through(() -> "other")).isEqualTo("other");
        otherSigned.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("token");
        assertThat(gate.through(() -> "after")).as("the permit was returned once, not twice or never").isEqualTo("after");
    }

    @Test
    void signingInsideSigningTakesNoSecondPermit() {
        SigningGate gate = new SigningGate(1, Duration.ofMillis(100));
        assertThat(gate.through(() -> gate.through(() -> "sealed inside a render"))).isEqualTo("sealed inside a render");
    }

    @Test
    void aNetworkWaitOutsideAnySignatureJustRuns() {
        assertThat(SigningGate.outside(() -> "verification fetches a CRL")).isEqualTo("verification fetches a CRL");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
