package org.singlewindow.node.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The changed declarations an instance announces to the others ({@link ClusterEvents}), gathered: one sender at a
 * time, on its own thread, sends every id added since its last message in one message (one id per line, at most
 * {@value #MOST_PER_MESSAGE}), so a burst of commits costs the broker one message rather than one per declaration,
 * and a committing thread never waits for the broker. An id added while a message is being sent goes in the next.
 */
final class Announcements {

    /** The most ids one message names. */
    static final int MOST_PER_MESSAGE = 256;

    private final Set<String> pending;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final Consumer<String> send;
    private final Executor sender;

    /**
     * @param send   sends one message body (it handles its own failures)
     * @param sender runs the sending, one task at a time
     */
    Announcements(Consumer<String> send, Executor sender) {
        this(send, sender, ConcurrentHashMap.newKeySet());
    }

    /** With the set that holds the ids not yet sent (a concurrent one; tests watch it). */
    Announcements(Consumer<String> send, Executor sender, Set<String> pending) {
        this.send = send;
        this.sender = sender;
        this.pending = pending;
    }

    void add(Collection<String> declarationIds) {
        pending.addAll(declarationIds);
        if (sending.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                sending.set(false); // the instance is stopping: its streams end with it
            }
        }
    }

    /** The declaration ids a message names. */
    static List<String> ids(String body) {
        return body.lines().filter(line -> !line.isBlank()).toList();
    }

    private void drain() {
        do {
            for (List<String> batch = take(); !batch.isEmpty(); batch = take()) {
                send.accept(String.join("\n", batch));
            }
            sending.set(false);
        } while (!pending.isEmpty() && sending.compareAndSet(false, true)); // one added as this sender stopped
    }

    private List<String> take() {
        List<String> batch = new ArrayList<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext() && batch.size() < MOST_PER_MESSAGE; ) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }
}
