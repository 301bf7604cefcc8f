package io.longnam.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe map that keeps the {@code capacity} most recently used entries and drops the least recent. */
public final class BoundedCache {

    private BoundedCache() {
    }

    public static <K, V> Map<K, V> leastRecentlyUsed(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
