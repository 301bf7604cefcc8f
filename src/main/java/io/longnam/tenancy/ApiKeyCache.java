package io.longnam.tenancy;

import io.longnam.common.NowAndAfterCommit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identities of recently authenticated API keys, for {@link #TTL}, keyed by the SHA-256 of the presented key (the
 * secret itself is never kept). Without it every request paid a transaction with two queries before any work.
 * A revocation or rotation on this instance takes effect at once (before and again after its commit, and an
 * identity loaded before a revocation is never cached); one made through another instance or straight in the
 * database takes effect within {@link #TTL}. A key's own expiry is checked on every hit.
 */
@ApplicationScoped
public class ApiKeyCache {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final long TTL_NANOS = TTL.toNanos();
    private static final int MAX_ENTRIES = 10_000;

    /** {@code loadedAt}: System.nanoTime() taken before the key row was read. */
    record Entry(SecurityIdentity identity, UUID keyId, Instant keyExpiresAt, long loadedAt) {
    }

    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Long> invalidatedAt = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    SecurityIdentity get(byte[] keyHash, Instant now) {
        ByteBuffer k = ByteBuffer.wrap(keyHash);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (!fresh(e) || (e.keyExpiresAt() != null && !e.keyExpiresAt().isAfter(now))) {
            entries.remove(k, e);
            return null;
        }
        return e.identity();
    }

    void put(byte[] keyHash, Entry e) {
        if (!fresh(e)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(ByteBuffer.wrap(keyHash), e);
    }

    /** Forgets a key now and again when the current transaction (which revokes or shortens it) completes. */
    void invalidate(UUID keyId) {
        NowAndAfterCommit.run(transactions, () -> forget(keyId));
    }

    private void forget(UUID keyId) {
        long now = System.nanoTime();
        invalidatedAt.put(keyId, now);
        entries.values().removeIf(e -> e.keyId().equals(keyId));
        // An invalidation older than the TTL can only concern entries that have expired anyway.
        invalidatedAt.values().removeIf(t -> now - t > TTL_NANOS);
    }

    private boolean fresh(Entry e) {
        if (System.nanoTime() - e.loadedAt() > TTL_NANOS) {
            return false;
        }
        Long invalidated = invalidatedAt.get(e.keyId());
        return invalidated == null || invalidated - e.loadedAt() < 0;
    }
}
