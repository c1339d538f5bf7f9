package org.singlewindow.node.transport;

import jakarta.jms.ConnectionFactory;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Which broker holds a queue this node consumes, and uncached connections to it for operations: every queue is on
 * the node's own broker, except a province's results queue ({@code sw.out.province.<code>}), which it pulls from
 * central's broker.
 */
@Component
public class Brokers {

    /** Where a queue lives, as operators see it. */
    public enum Location {
        /** The node's own broker. */
        LOCAL,
        /** Central's broker, as a province reaches it. */
        CENTRAL
    }

    private final ConnectionFactory local;
    private final ObjectProvider<BrokerConfiguration.CentralBrokerConnection> central;
    private final NodeProperties node;
    private final QueueNames queues;

    public Brokers(ConnectionFactory local, ObjectProvider<BrokerConfiguration.CentralBrokerConnection> central,
                   NodeProperties node, QueueNames queues) {
        this.local = target(local);
        this.central = central;
        this.node = node;
        this.queues = queues;
    }

    /** The factory behind Spring's session cache, or the factory itself: uncached connections. */
    static ConnectionFactory target(ConnectionFactory factory) {
        return factory instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null
                ? caching.getTargetConnectionFactory() : factory;
    }

    public Location locationOf(String queue) {
        return central.getIfAvailable() != null && queue.equals(queues.outProvince(node.code())) ? Location.CENTRAL
                : Location.LOCAL;
    }

    /** Uncached connections to the node's own broker. */
    public ConnectionFactory local() {
        return local;
    }

    /** Uncached connections to the broker that holds {@code queue}. */
    public ConnectionFactory connectionsFor(String queue) {
        if (locationOf(queue) == Location.CENTRAL) {
            BrokerConfiguration.CentralBrokerConnection connection = central.getIfAvailable();
            if (connection == null) {
                throw new IllegalStateException("no connection to central's broker (sw.central.broker-url)");
            }
            return connection.uncached();
        }
        return local;
    }
}
