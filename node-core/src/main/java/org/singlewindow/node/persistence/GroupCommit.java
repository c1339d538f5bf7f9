package org.singlewindow.node.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.singlewindow.node.config.NodeProperties;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: units of work that threads hand in at the same time are applied in one database transaction, so
 * a burst of messages costs one commit (one journal write, one audit-chain append) instead of one each. The caller
 * blocks until its unit has committed, or gets the unit's own exception, exactly as if it had run its own
 * transaction; so a message is still acknowledged only once its work is durable.
 * <p>No extra thread: the first caller to find no group running leads, taking up to
 * {@code sw.group-commit.max-size} waiting units into one transaction, then more groups until its own unit is
 * done; the others wait for their outcome. When a unit of a group fails, the whole transaction rolls back and each
 * unit of the group runs again in a transaction of its own, so one bad unit fails alone. A unit may therefore run
 * twice: its database work counts once (the first run rolled back), what it does outside the database (a log line,
 * a meter) may happen twice. Each unit runs with its caller's logging context.
 */
@Component
public class GroupCommit {

    /** How long a waiting caller sleeps before it checks whether it must lead (a wake-up missed at hand-over). */
    private static final long RECHECK_MILLIS = 5;

    private final TransactionTemplate tx;
    private final int maxSize;
    private final ReentrantLock leading = new ReentrantLock();
    private final Object handOver = new Object();
    private final ConcurrentLinkedQueue<Unit> waiting = new ConcurrentLinkedQueue<>();

    public GroupCommit(TransactionTemplate tx, NodeProperties node) {
        this.tx = tx;
        this.maxSize = Math.max(1, node.groupCommit().maxSize());
    }

    private static final class Unit {
        private final Runnable work;
        private final Map<String, String> context = MDC.getCopyOfContextMap();
        private final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Unit(Runnable work) {
            this.work = work;
        }

        void run() {
            Map<String, String> leaders = MDC.getCopyOfContextMap();
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                work.run();
            } finally {
                if (leaders != null) {
                    MDC.setContextMap(leaders);
                } else {
                    MDC.clear();
                }
            }
        }
    }

    /**
     * Runs {@code work} in a database transaction, possibly shared with other callers' work; returns once it has
     * committed.
     *
     * @throws RuntimeException what {@code work} threw (its transaction rolled back), or what the commit threw
     */
    public void run(Runnable work) {
        Unit unit = new Unit(work);
        waiting.add(unit);
        boolean interrupted = false;
        while (!unit.outcome.isDone()) {
            if (leading.tryLock()) {
                try {
                    while (!unit.outcome.isDone()) {
                        applyGroup();
                    }
                } finally {
                    leading.unlock();
                }
                synchronized (handOver) {
                    handOver.notifyAll();
                }
            } else {
                synchronized (handOver) {
                    if (!unit.outcome.isDone()) {
                        try {
                            handOver.wait(RECHECK_MILLIS);
                        } catch (InterruptedException e) {
                            interrupted = true; // the unit may be in a running group: its outcome is still awaited
                        }
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(unit);
    }

    /** Units waiting to be applied (for tests). */
    int waiting() {
        return waiting.size();
    }

    private void applyGroup() {
        List<Unit> group = new ArrayList<>();
        for (Unit next = waiting.poll(); next != null; next = group.size() < maxSize ? waiting.poll() : null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> group.forEach(Unit::run));
            group.forEach(u -> u.outcome.complete(null));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).outcome.completeExceptionally(groupFailed);
            } else {
                group.forEach(this::applyAlone);
            }
        } finally {
            for (Unit unit : group) { // an Error got through: no caller waits for ever
                if (!unit.outcome.isDone()) {
                    unit.outcome.completeExceptionally(new IllegalStateException("its group was aborted"));
                }
            }
            synchronized (handOver) {
                handOver.notifyAll();
            }
        }
    }

    private void applyAlone(Unit unit) {
        try {
            tx.executeWithoutResult(status -> unit.run());
            unit.outcome.complete(null);
        } catch (RuntimeException e) {
            unit.outcome.completeExceptionally(e);
        }
    }

    private static void rethrow(Unit unit) {
        try {
            unit.outcome.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
