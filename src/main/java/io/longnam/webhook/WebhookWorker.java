package io.longnam.webhook;

import io.longnam.common.Clock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each pass claims a batch and sends every delivery on its own virtual thread, so one slow
 * receiver holds up only its own deliveries; the next pass starts when the batch is done. Several instances may run
 * workers: claims skip rows another worker holds.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookSender sender;
    @Inject
    EndpointAddresses addresses;
    @Inject
    WebhooksConfig config;
    @Inject
    Clock clock;

    private volatile boolean paused;

    @Scheduled(every = "${longnam.webhooks.poll-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled() || paused) {
            return;
        }
        drain();
    }

    /** One pass; answers how many deliveries it attempted. */
    public int drain() {
        List<WebhookDeliveries.Claim> claims = deliveries.claim(config.batchSize());
        if (claims.isEmpty()) {
            return 0;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            claims.forEach(c -> threads.submit(() -> attempt(c)));
        }
        return claims.size();
    }

    /**
     * Stops (true) or resumes this instance's passes; a stopped worker leaves claimed rows to their lease, like a
     * worker whose process was killed.
     */
    public void pause(boolean pause) {
        this.paused = pause;
    }

    void attempt(WebhookDeliveries.Claim claim) {
        Instant started = clock.now();
        long t0 = System.nanoTime();
        WebhookSender.Outcome outcome;
        try {
            URI uri = URI.create(claim.url());
            InetAddress address = addresses.resolve(uri);
            long timestamp = started.getEpochSecond();
            String id = claim.eventId().toString();
            outcome = sender.post(uri, address, Map.of(
                    "content-type", "application/json",
                    "user-agent", "longnam-webhooks/1",
                    "webhook-id", id,
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", StandardWebhooks.signatureHeader(claim.secrets(), id, timestamp, claim.payload())),
                    claim.payload());
        } catch (EndpointAddresses.Refused refused) {
            outcome = new WebhookSender.Outcome(null, null, "refused: " + refused.getMessage());
        }
        int latency = (int) ((System.nanoTime() - t0) / 1_000_000);
        try {
            deliveries.record(claim, started, latency, outcome);
        } catch (RuntimeException e) {
            // The lease brings the delivery back; the receiver drops the duplicate by its webhook-id.
            LOG.warnf(e, "recording webhook delivery %s failed; it will be retried after its lease", claim.id());
        }
    }
}
