package org.singlewindow.node.transport;

/**
 * The one way routes consume a queue: a native local JMS transaction per message (committed only after the
 * route's work committed) on a session and consumer each listener thread keeps (Camel's default would create a
 * JmsTransactionManager, which makes Spring's listener container open and close a session and a consumer for
 * every receive), {@code sw.broker.consumers} concurrent consumers, and messages received while the route is
 * stopping still processed (rejecting them would roll them back and count a delivery, so that a few restarts
 * could push a healthy message into its dead-letter queue).
 */
public final class JmsConsumers {

    private JmsConsumers() {
    }

    /** Endpoint URI consuming {@code queue} through the Camel JMS component {@code component}. */
    public static String endpoint(String component, String queue) {
        return component + ":queue:" + queue + "?transacted=true&lazyCreateTransactionManager=false"
                + "&cacheLevelName=CACHE_CONSUMER&acceptMessagesWhileStopping=true"
                + "&concurrentConsumers={{sw.broker.consumers:4}}";
    }
}
