package io.longnam.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code longnam.access-log.*}: how the access log is buffered, written and kept. */
@ConfigMapping(prefix = "longnam.access-log")
public interface AccessLogConfig {

    /** How long rows are kept before the purge deletes them. */
    @WithDefault("P180D")
    Duration retention();

    /** How often the purge runs (Quarkus scheduler syntax). */
    @WithDefault("1h")
    String purgeEvery();

    /** Requests waiting to be written; past this, new ones are counted and dropped rather than slow a request down. */
    @WithDefault("10000")
    int queueCapacity();

    /** Rows per JDBC batch; a full batch is written at once instead of waiting for the interval. */
    @WithDefault("500")
    int batchSize();

    /** How long rows wait at most before the writer inserts them. */
    @WithDefault("200ms")
    Duration flushInterval();
}
