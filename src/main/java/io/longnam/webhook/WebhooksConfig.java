package io.longnam.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code longnam.webhooks.*} (env: {@code LONGNAM_WEBHOOKS_...}). */
@ConfigMapping(prefix = "longnam.webhooks")
public interface WebhooksConfig {

    /** Whether this instance sends deliveries; an instance that only serves the API may switch it off. */
    @WithDefault("true")
    boolean enabled();

    /**
     * CIDRs that endpoints may resolve to although they are private, loopback or link-local
     * ({@code LONGNAM_WEBHOOKS_ALLOWED_NETWORKS}, comma-separated), e.g. an agency's system on a private network.
     */
    Optional<List<String>> allowedNetworks();

    /** How often the worker looks for due deliveries (Quarkus scheduler syntax). */
    @WithDefault("1s")
    String pollEvery();

    /** Deliveries one worker pass claims; each is sent on its own virtual thread. */
    @WithDefault("32")
    int batchSize();

    /** How long a claimed delivery stays invisible to other workers; after it, a dead worker's claim is due again. */
    @WithDefault("PT1M")
    Duration lease();

    /** Whole budget of one attempt: connect, send, and read the answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Wait before the second attempt; each later wait doubles, up to {@link #retryMaxDelay()}, with jitter. */
    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT2H")
    Duration retryMaxDelay();

    /** How long after the event a delivery is still retried; after that it is given up as FAILED. */
    @WithDefault("P1D")
    Duration retryFor();

    /** An endpoint is disabled once it has failed this many attempts in a row… */
    @WithDefault("50")
    int disableAfterFailures();

    /** …and has not answered 2xx for at least this long. */
    @WithDefault("P1D")
    Duration disableAfter();
}
