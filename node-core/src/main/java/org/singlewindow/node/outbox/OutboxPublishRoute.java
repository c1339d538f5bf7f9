package org.singlewindow.node.outbox;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Flow: outbox row → the node's own broker. Persistent send with the message id as Artemis duplicate-detection
 * id ({@code _AMQ_DUPL_ID}) and the declaration id as message group ({@code JMSXGroupID}), so one declaration's
 * messages are consumed in order while different declarations go in parallel. A failed send throws back to the
 * relay, which keeps the row and tries again.
 */
@Component
public class OutboxPublishRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:outbox-publish";
    static final String QUEUE_HEADER = "swQueue";
    /** Artemis duplicate-detection property. */
    public static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";
    static final String GROUP_HEADER = "JMSXGroupID";
    /** JMS property carrying the envelope's message id, for logs and consumers. */
    public static final String MESSAGE_ID_HEADER = "swMessageId";

    @Override
    public void configure() {
        from(ENDPOINT).routeId("outbox-publish")
                .toD("jms:queue:${header." + QUEUE_HEADER + "}?deliveryPersistent=true&allowNullBody=false")
                .removeHeader(QUEUE_HEADER);
    }
}
