package org.singlewindow.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bounded memories of work done once (verified signatures, known certificates, keys, tokens). */
public final class Lru {

    private Lru() {
    }

    /**
     * A map that keeps its last used {@code capacity} entries, dropping the least recently used beyond; not
     * thread-safe (callers synchronize on it).
     */
    public static <K, V> Map<K, V> map(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
