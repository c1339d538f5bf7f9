package org.singlewindow.node.status;

/**
 * Told of every event appended to a declaration's timeline, in the transaction that appends it (so what it records
 * commits, or rolls back, with the event): e.g. a province's webhooks queue their deliveries here.
 */
public interface EventObserver {

    void appended(EventRow event);
}
