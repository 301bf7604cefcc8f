package io.longnam.identity;

import io.longnam.common.NowAndAfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and memberships as last read, keyed by (issuer, subject), for a few seconds: every OIDC request must see the
 * user's current status, but not pay a query for it. A change made on this instance (disable, activation, new
 * membership) evicts the user at once and again when its transaction commits, and a snapshot read before an
 * eviction is never stored; a change made through another instance is seen within {@link #TTL_NANOS}.
 */
@ApplicationScoped
public class UserCache {

    private static final long TTL_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private static final int MAX_ENTRIES = 10_000;

    /** A membership as the identity needs it. */
    public record Grant(UUID organizationId, String organizationPath, String roles) {
    }

    /** {@code loadedAt}: System.nanoTime() taken before the rows were read. */
    public record Snapshot(UUID userId, UserStatus status, List<Grant> memberships, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Snapshot> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Long> evictedAt = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    Snapshot get(String issuer, String subject) {
        String k = key(issuer, subject);
        Snapshot s = entries.get(k);
        if (s != null && !fresh(s)) {
            entries.remove(k, s);
            return null;
        }
        return s;
    }

    void put(String issuer, String subject, Snapshot s) {
        if (!fresh(s)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(issuer, subject), s);
    }

    /** Forgets a user now and again when the current transaction (which changes it) commits. */
    void evict(UUID userId) {
        NowAndAfterCommit.run(transactions, () -> forget(userId));
    }

    private void forget(UUID userId) {
        long now = System.nanoTime();
        evictedAt.put(userId, now);
        entries.values().removeIf(s -> s.userId().equals(userId));
        evictedAt.values().removeIf(t -> now - t > TTL_NANOS);
    }

    private boolean fresh(Snapshot s) {
        if (System.nanoTime() - s.loadedAt() > TTL_NANOS) {
            return false;
        }
        Long evicted = evictedAt.get(s.userId());
        return evicted == null || evicted - s.loadedAt() < 0;
    }

    private static String key(String issuer, String subject) {
        return issuer + '\u0000' + subject;
    }
}
