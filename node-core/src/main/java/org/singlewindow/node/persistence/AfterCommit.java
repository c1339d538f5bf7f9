package org.singlewindow.node.persistence;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work after the current transaction commits, once per key however often it is asked for, or once for all the
 * items gathered under a key during the transaction.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code action} to run after the current transaction commits, unless an action with an equal
     * {@code key} is registered already in this transaction.
     */
    public static void once(Object key, Runnable action) {
        Object resource = new Key(key);
        if (!TransactionSynchronizationManager.hasResource(resource)) {
            bind(resource, Boolean.TRUE, action);
        }
    }

    /**
     * Adds {@code item} to the items gathered under {@code key} in the current transaction; after it commits,
     * {@code action} runs once with all of them (each once, in the order first added). The first call's action is
     * the one that runs.
     */
    public static <T> void collect(Object key, T item, Consumer<Set<T>> action) {
        Object resource = new Key(key);
        @SuppressWarnings("unchecked")
        Set<T> items = (Set<T>) TransactionSynchronizationManager.getResource(resource);
        if (items == null) {
            Set<T> gathered = new LinkedHashSet<>();
            bind(resource, gathered, () -> action.accept(gathered));
            items = gathered;
        }
        items.add(item);
    }

    /** Binds {@code value} to the transaction as {@code resource} until it ends; {@code action} runs if it commits. */
    private static void bind(Object resource, Object value, Runnable action) {
        TransactionSynchronizationManager.bindResource(resource, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(resource);
            }
        });
    }

    private record Key(Object value) {
    }
}
