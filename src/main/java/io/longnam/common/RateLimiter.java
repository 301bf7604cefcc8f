package io.longnam.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows per client key, in memory: enough to stop one client from monopolising the
 * expensive public endpoints of one instance. A cluster-wide limit belongs in the gateway.
 */
@ApplicationScoped
public class RateLimiter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** What is left of a client's quota, as the IETF RateLimit / RateLimit-Policy header fields say it. */
    public record Quota(int perMinute, int remaining, long resetSeconds) {

        public String policy() {
            return policy(perMinute);
        }

        public String state() {
            return "\"per-client\";r=" + remaining + ";t=" + resetSeconds;
        }

        static String policy(Object perMinute) {
            return "\"per-client\";q=" + perMinute + ";w=60";
        }
    }

    /** Counts one request; over {@code perMinute} this minute it is refused with 429 until the minute ends. */
    public Quota acquire(String bucket, String client, int perMinute) {
        int count = count(bucket, client);
        long retryAfter = 60 - Instant.now().getEpochSecond() % 60;
        if (count > perMinute) {
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    "at most " + perMinute + " requests per minute; retry after " + retryAfter + " s", null,
                    java.util.Map.of("retryAfterSeconds", retryAfter, "limitPerMinute", perMinute));
        }
        return new Quota(perMinute, perMinute - count, retryAfter);
    }

    /** Counts one event (e.g. a failed login) without refusing anything; answers the count of this minute. */
    public int count(String bucket, String client) {
        long minute = Instant.now().getEpochSecond() / 60;
        Window w = windows.compute(bucket + "|" + client,
                (k, old) -> old == null || old.minute != minute ? new Window(minute, new AtomicInteger()) : old);
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute != minute);
        }
        return w.count.incrementAndGet();
    }

    /** Whether this minute's events already reached {@code limit}, without counting one. */
    public boolean exceeded(String bucket, String client, int limit) {
        Window w = windows.get(bucket + "|" + client);
        return w != null && w.minute == Instant.now().getEpochSecond() / 60 && w.count.get() >= limit;
    }
}
