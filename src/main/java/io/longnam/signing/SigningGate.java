package io.longnam.signing;

import io.longnam.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many signatures are made at once: seals, approval signatures and signed XML. Making one is CPU work (parse and
 * save the PDF, build the CMS, the key's operation) with short database waits. Fifty concurrent requests on two cores
 * all working at once made each of them slow, and the slowest three times slower than the median; through this gate
 * a few work at a time and the rest wait in arrival order, which keeps the throughput and brings the tail close to
 * the median ({@code bench/seal.sh}). Waits on the network, such as the TSA and CRL/OCSP/AIA fetches, step outside the
 * gate ({@link #outside}), so a slow TSA does not leave the processors idle. A signature that cannot get in within
 * {@code longnam.signing.queue-wait} is refused with 503 {@code signing-busy} and {@code Retry-After}.
 */
@ApplicationScoped
public class SigningGate {

    /** The gate whose permit the current thread holds, if any. */
    private static final ThreadLocal<Semaphore> HELD = new ThreadLocal<>();

    private final Semaphore permits;
    private final Duration queueWait;

    @Inject
    SigningGate(SigningConfig config) {
        this(config.concurrent().orElse(2 * Runtime.getRuntime().availableProcessors()), config.queueWait());
    }

    SigningGate(int permits, Duration queueWait) {
        this.permits = new Semaphore(Math.max(1, permits), true);
        this.queueWait = queueWait;
    }

    /**
     * Runs {@code work} holding a permit. A thread that already holds one (a render or a job item that seals) takes
     * no second, so nested use cannot deadlock.
     */
    public <T> T through(Supplier<T> work) {
        if (HELD.get() != null) {
            return work.get();
        }
        if (!enter()) {
            throw ProblemException.unavailable("signing-busy", "too many signatures are being made right now; retry later");
        }
        HELD.set(permits);
        try {
            return work.get();
        } finally {
            HELD.remove();
            permits.release();
        }
    }

    /**
     * Runs a wait on the network outside the current thread's permit, if it holds one, and takes the permit back in
     * turn afterwards.
     */
    static <T> T outside(Supplier<T> networkWait) {
        Semaphore held = HELD.get();
        if (held == null) {
            return networkWait.get();
        }
        HELD.remove();
        held.release();
        try {
            return networkWait.get();
        } finally {
            // Uninterruptibly and without a deadline: this signature is half made and must not be left so.
            held.acquireUninterruptibly();
            HELD.set(held);
        }
    }

    private boolean enter() {
        try {
            return permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
