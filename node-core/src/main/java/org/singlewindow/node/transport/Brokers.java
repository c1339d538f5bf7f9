package org.singlewindow.node.transport;

import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Which broker holds a queue this node consumes, and uncached connections to it for operations: every queue is on
 * the node's own broker, except those a {@link RemoteBroker} holds (a province's results queue
 * {@code sw.out.province.<code>}, which it pulls from central's broker).
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
    private final ObjectProvider<RemoteBroker> remote;

    public Brokers(ConnectionFactory local, ObjectProvider<RemoteBroker> remote) {
        this.local = target(local);
        this.remote = remote;
    }

    /** The factory behind Spring's session cache, or the factory itself: uncached connections. */
    static ConnectionFactory target(ConnectionFactory factory) {
        return factory instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null
                ? caching.getTargetConnectionFactory() : factory;
    }

    public Location locationOf(String queue) {
        RemoteBroker other = remote.getIfAvailable();
        return other != null && other.holds(queue) ? Location.CENTRAL : Location.LOCAL;
    }

    /** Uncached connections to the node's own broker. */
    public ConnectionFactory local() {
        return local;
    }

    /** Uncached connections to the broker that holds {@code queue}. */
    public ConnectionFactory connectionsFor(String queue) {
        RemoteBroker other = remote.getIfAvailable();
        return other != null && other.holds(queue) ? other.uncached() : local;
    }
}
