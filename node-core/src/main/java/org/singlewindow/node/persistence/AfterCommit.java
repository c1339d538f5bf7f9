package org.singlewindow.node.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs work after the current transaction commits, once per key however often it is asked for. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code action} to run after the current transaction commits, unless an action with an equal
     * {@code key} is registered already in this transaction.
     */
    public static void once(Object key, Runnable action) {
        Object resource = new Key(key);
        if (TransactionSynchronizationManager.hasResource(resource)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(resource, Boolean.TRUE);
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
