package org.singlewindow.node.transport;

import jakarta.jms.ConnectionFactory;

/**
 * Another node's broker holding queues this node consumes (a province's results queue on central's broker). A role
 * module provides at most one; the operations API lists those queues as {@link Brokers.Location#CENTRAL}.
 */
public interface RemoteBroker {

    /** Whether {@code queue} is on that broker. */
    boolean holds(String queue);

    /** Uncached connections to it, for operations (browsing, moving single messages). */
    ConnectionFactory uncached();
}
