package io.longnam.job;

import io.longnam.job.JobStore.Claimed;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of worker threads ({@code longnam.jobs.workers}) started with the application. Each worker
 * claims a small batch of items, renders them outside any transaction and settles them in short ones; idle
 * workers poll, and a submission on this instance wakes them at once.
 */
@ApplicationScoped
public class JobWorkers {

    @Inject
    JobsConfig config;
    @Inject
    JobStore store;
    @Inject
    JobProcessor processor;

    private final Object signal = new Object();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean paused;
    private ExecutorService pool;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("jobs: workers disabled on this instance");
            return;
        }
        // Items a dead process left RUNNING come back once their lease has expired.
        recover();
        int n = Math.max(1, config.workerCount());
        AtomicInteger seq = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "job-worker-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        for (int i = 0; i < n; i++) {
            pool.submit(this::loop);
        }
        Log.infof("jobs: %d workers started", n);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (pool != null) {
            pool.shutdown();
            try {
                // Unfinished items keep their lease and are claimed again after it expires.
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The crash recovery of startup: expired leases reclaimed, jobs with nothing open finished. */
    public int recover() {
        int reclaimed = store.reclaimExpiredLeases();
        for (UUID job : store.stalledJobs()) {
            store.finishIfComplete(job);
        }
        if (reclaimed > 0) {
            Log.infof("jobs: reclaimed %d items from expired leases", reclaimed);
            wake();
        }
        return reclaimed;
    }

    @Scheduled(every = "${longnam.jobs.reclaim-every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicRecovery() {
        if (running && !paused) {
            recover();
        }
    }

    /** Wakes idle workers, e.g. after a submission committed. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Test hook: stops claiming and waits until no batch is in flight. */
    public void pause() {
        paused = true;
        while (busy.get() > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void resume() {
        paused = false;
        wake();
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                if (!paused) {
                    worked = runOnce();
                }
            } catch (Throwable t) {
                Log.errorf(t, "jobs: worker iteration failed");
            }
            if (!worked && running) {
                idle();
            }
        }
    }

    private boolean runOnce() {
        busy.incrementAndGet();
        try {
            if (paused) {
                return false;
            }
            for (UUID jobId : store.runnableJobs(16)) {
                List<Claimed> batch = store.claim(jobId, config.batchSize());
                if (!batch.isEmpty()) {
                    processor.process(jobId, batch);
                    return true;
                }
            }
            return false;
        } finally {
            busy.decrementAndGet();
        }
    }

    private void idle() {
        synchronized (signal) {
            try {
                signal.wait(Math.max(10, config.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
