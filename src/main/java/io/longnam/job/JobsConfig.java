package io.longnam.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** {@code longnam.jobs.*}: the bulk-job worker pool (env: {@code LONGNAM_JOBS_...}). */
@ConfigMapping(prefix = "longnam.jobs")
public interface JobsConfig {

    /** Whether this instance runs workers; an instance that only serves the API may switch them off. */
    @WithDefault("true")
    boolean enabled();

    /** Worker threads; rendering is CPU work, so the default is the number of available processors. */
    OptionalInt workers();

    /** Items a worker claims at once; small, so a cancelled or crashed job leaves little in flight. */
    @WithDefault("4")
    int batchSize();

    /** How long a claim is valid; after it an item left RUNNING by a dead worker is claimed again. */
    @WithDefault("PT2M")
    Duration lease();

    /** How often idle workers look for work (a submission on this instance wakes them at once). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How often expired leases are reclaimed (besides at startup). */
    @WithDefault("30s")
    String reclaimEvery();

    /** Tries per item for transient failures (TSA/KMS unavailable, database errors) before it fails. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before a transiently failed item is tried again. */
    @WithDefault("PT10S")
    Duration retryDelay();

    /** Most records one job may hold. */
    @WithDefault("20000")
    int maxItems();

    /** How long a job and its items are kept after the job ended; then the retention purge deletes them. */
    @WithDefault("P30D")
    Duration retention();

    /** How often ended jobs past their retention are purged. */
    @WithDefault("1h")
    String purgeEvery();

    /**
     * Item rows one purge transaction may delete (with their jobs); a single job larger than this, at most
     * {@link #maxItems()}, is deleted alone.
     */
    @WithDefault("10000")
    int purgeBatchItems();

    default int workerCount() {
        return workers().orElse(Runtime.getRuntime().availableProcessors());
    }
}
