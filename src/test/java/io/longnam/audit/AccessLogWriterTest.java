package io.longnam.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    static AccessLogEntry entry(int n) {
        return new AccessLogEntry(UUID.randomUUID(), Instant.now(), "r" + n, "anonymous", null, null, "GET", "/x",
                200, 1, null, null);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheRequest() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<AccessLogEntry> written = new CopyOnWriteArrayList<>();
        AccessLogWriter writer = new AccessLogWriter(2, 1, Duration.ofMillis(5), batch -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAll(batch);
        });
        writer.offer(entry(0));
        // The database "hangs" on the first batch: nothing more leaves the queue.
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        int accepted = 0;
        for (int i = 1; i <= 1000; i++) {
            accepted += writer.offer(entry(i)) ? 1 : 0;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(accepted).isEqualTo(2);
        assertThat(writer.dropped()).isEqualTo(998);

        release.countDown();
        writer.close();
        assertThat(written).extracting(AccessLogEntry::requestId).containsExactly("r0", "r1", "r2");
    }

    @Test
    void aFailingDatabaseLosesOnlyThatBatchAndCountsIt() {
        List<AccessLogEntry> written = new CopyOnWriteArrayList<>();
        boolean[] down = {true};
        AccessLogWriter writer = new AccessLogWriter(100, 10, Duration.ofHours(1), batch -> {
            if (down[0]) {
                throw new IllegalStateException("connection refused");
            }
            written.addAll(batch);
        });
        writer.offer(entry(1));
        writer.flush();
        assertThat(writer.dropped()).isEqualTo(1);
        down[0] = false;
        writer.offer(entry(2));
        writer.close();
        assertThat(written).extracting(AccessLogEntry::requestId).containsExactly("r2");
    }
}
