package io.longnam.audit;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A bounded hand-off from request threads to one writer thread. A request only ever offers to the queue: when the
 * database is slow or down, the queue fills and further entries are counted and dropped, so logging never makes a
 * request wait. The count is logged whenever it grows.
 */
public final class AccessLogWriter {

    private final ArrayBlockingQueue<AccessLogEntry> queue;
    private final Consumer<List<AccessLogEntry>> sink;
    private final int batchSize;
    private final long intervalNanos;
    private final AtomicLong dropped = new AtomicLong();
    private long droppedReported;
    // Held while entries are out of the queue but not yet written, so flush() returns only once all are in the sink.
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread thread;
    private volatile boolean running = true;

    public AccessLogWriter(int capacity, int batchSize, Duration interval, Consumer<List<AccessLogEntry>> sink) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.batchSize = batchSize;
        this.intervalNanos = interval.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("access-log-writer").unstarted(this::run);
        thread.start();
    }

    /** Never blocks: false (and one more dropped) when the queue is full. */
    public boolean offer(AccessLogEntry entry) {
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
            return false;
        }
        if (queue.size() >= batchSize) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    public long dropped() {
        return dropped.get();
    }

    /** Writes everything queued so far before returning. */
    public void flush() {
        writing.lock();
        try {
            List<AccessLogEntry> batch = new ArrayList<>(batchSize);
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch.clear();
            }
            reportDrops();
        } finally {
            writing.unlock();
        }
    }

    /** Stops the thread and writes what is left, so a clean shutdown loses nothing that was queued. */
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            try {
                flush();
            } catch (RuntimeException e) {
                Log.errorf(e, "access log: writer failed");
            }
        }
    }

    private void write(List<AccessLogEntry> batch) {
        try {
            sink.accept(batch);
        } catch (RuntimeException e) {
            // Retrying would hold the queue full and drop newer entries instead; these are lost and counted.
            dropped.addAndGet(batch.size());
            Log.warnf("access log: could not write %d entries: %s", batch.size(), e.toString());
        }
    }

    private void reportDrops() {
        long now = dropped.get();
        if (now != droppedReported) {
            Log.warnf("access log: %d entries dropped in all (%d since the last report): queue full or database "
                    + "unavailable", now, now - droppedReported);
            droppedReported = now;
        }
    }
}
