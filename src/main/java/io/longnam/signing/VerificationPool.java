package io.longnam.signing;

import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import io.longnam.document.PdfInspector;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where every signature check runs: the PDF's size is checked first, then DSS works on a few dedicated threads with
 * a short queue, so anonymous verifications cannot take the threads and processors that sealing needs, and the
 * caller waits at most the time budget. Work that overruns it, or whose client went away, is cancelled.
 */
@ApplicationScoped
public class VerificationPool {

    @Inject
    SignatureVerifier verifier;
    @Inject
    LongnamConfig config;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        LongnamConfig.Verification settings = config.verification();
        int threads = settings.threads() > 0 ? settings.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger seq = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queue())), r -> {
                    Thread t = new Thread(r, "verification-" + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * The report on {@code pdf}. {@code onClientGone}, when given, receives the action that cancels the check; the
     * caller runs it when its client disconnects.
     */
    public VerificationReport verify(byte[] pdf, Collection<X509Certificate> anchors, Consumer<Runnable> onClientGone) {
        PdfInspector.inspect(pdf, PdfInspector.Limits.of(config));
        AtomicBoolean started = new AtomicBoolean();
        FutureTask<VerificationReport> task = new FutureTask<>(() -> {
            started.set(true);
            return verifier.verify(pdf, anchors);
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        if (onClientGone != null) {
            onClientGone.accept(() -> cancel(task));
        }
        long budget = config.verification().timeBudget().toMillis();
        try {
            return task.get(budget, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(task);
            // Still queued: others' checks held the threads, so it is worth retrying; running: this PDF is the cost.
            if (!started.get()) {
                throw busy();
            }
            Log.warnf("verification cancelled after its %d ms budget", budget);
            throw new ProblemException(422, "verification-too-costly", "Unprocessable content",
                    "checking this PDF's signatures takes longer than the " + budget + " ms this service allows",
                    null, Map.of("timeBudgetMillis", budget));
        } catch (CancellationException e) {
            throw ProblemException.unavailable("verification-cancelled", "the verification was cancelled");
        } catch (InterruptedException e) {
            cancel(task);
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("verification-cancelled", "the verification was cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("verification failed", e.getCause());
        }
    }

    /** Checks running now; 0 once cancelled work has really stopped. */
    int running() {
        return executor.getActiveCount();
    }

    private void cancel(FutureTask<VerificationReport> task) {
        task.cancel(true);
        executor.remove(task);
    }

    private ProblemException busy() {
        long retryAfter = Math.max(1, config.verification().timeBudget().toSeconds());
        return new ProblemException(503, "verification-busy", "Service unavailable",
                "too many signature checks are running; retry later", null,
                Map.of("retryable", true, "retryAfterSeconds", retryAfter));
    }
}
