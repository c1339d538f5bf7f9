package org.singlewindow.central.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When central's token-signing keys change, as a pure function of the keys there are and the time, so that every
 * instance decides alike. The key that signs is the one with the latest start of signing that has started (ties:
 * the greatest key id). A new key is due once the signing key has signed for {@code rotateAfter} and no key waits
 * to start; it is created to start {@code publishAhead} later, so that resource servers see it published before any
 * token names it. A key stops being published once a later key has signed for {@code tokenTtl} plus
 * {@code publishAhead} (no token it signed can still be valid). Two instances that create a key at the same moment
 * leave two waiting keys: both are published, and the rule above picks the same one on every instance.
 */
public record KeyRotation(Duration rotateAfter, Duration publishAhead, Duration tokenTtl) {

    /** A key as rotation sees it. */
    public record Key(String kid, Instant signsFrom) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::signsFrom).thenComparing(Key::kid);

    /** The key that signs at {@code now}; empty when none has started. */
    public Optional<Key> signing(List<Key> keys, Instant now) {
        return keys.stream().filter(k -> !k.signsFrom().isAfter(now)).max(ORDER);
    }

    /** Whether a new key must be made now (none at all, or the signing key is old and none waits). */
    public boolean newKeyDue(List<Key> keys, Instant now) {
        Optional<Key> signing = signing(keys, now);
        boolean waiting = keys.stream().anyMatch(k -> k.signsFrom().isAfter(now));
        if (waiting) {
            return false;
        }
        return signing.isEmpty() || !signing.get().signsFrom().plus(rotateAfter).isAfter(now);
    }

    /** When a key made now starts signing: at once when nothing signs yet, else after {@code publishAhead}. */
    public Instant startOfNewKey(List<Key> keys, Instant now) {
        return signing(keys, now).isEmpty() ? now : now.plus(publishAhead);
    }

    /** The keys to forget: superseded by a key that has signed long enough for their tokens to have expired. */
    public List<Key> retired(List<Key> keys, Instant now) {
        Optional<Key> signing = signing(keys, now);
        if (signing.isEmpty()) {
            return List.of();
        }
        Instant cutoff = now.minus(tokenTtl).minus(publishAhead);
        return keys.stream().filter(k -> ORDER.compare(k, signing.get()) < 0)
                .filter(k -> later(keys, k).map(next -> next.signsFrom().isBefore(cutoff)).orElse(false))
                .toList();
    }

    /** The key that took over from {@code key}: the next one in signing order. */
    private static Optional<Key> later(List<Key> keys, Key key) {
        return keys.stream().filter(k -> ORDER.compare(k, key) > 0).min(ORDER);
    }
}
