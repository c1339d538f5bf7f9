package org.singlewindow.node.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, on a caller-supplied clock (nanoseconds) so they can be tested without waiting. A bucket
 * holds up to {@code burst} tokens and gains {@code perSecond} per second; each request takes one. Idle full
 * buckets are dropped when the map grows past {@code maxKeys}, so many one-off callers cannot exhaust memory.
 */
final class TokenBuckets {

    private static final int MAX_KEYS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** How long to wait before a token is there, without taking it: 0 means one is there now. */
    long peek(String key, double perSecond, int burst, long nowNanos) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.peek(nowNanos);
    }

    /** How long to wait before a request is allowed: 0 means allowed now (and a token was taken). */
    long take(String key, double perSecond, int burst, long nowNanos) {
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.full(nowNanos));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, burst, nowNanos)).take(nowNanos);
    }

    private static final class Bucket {
        private final double perNano;
        private final int burst;
        private double tokens;
        private long at;

        Bucket(double perSecond, int burst, long now) {
            this.perNano = perSecond / 1e9;
            this.burst = Math.max(1, burst);
            this.tokens = this.burst;
            this.at = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized long peek(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
