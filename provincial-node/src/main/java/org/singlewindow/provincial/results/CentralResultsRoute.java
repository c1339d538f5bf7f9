package org.singlewindow.provincial.results;

import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.ErrorPolicy;
import org.singlewindow.node.transport.InboundDispatcher;
import org.singlewindow.node.transport.JmsConsumers;
import org.singlewindow.node.transport.LinkHealth;
import org.springframework.stereotype.Component;

/**
 * Flow (provincial): central's {@code sw.out.province.<this province>} → this node. The province dials out and
 * pulls its results (dispatch notices, agency receipts, peer copies); while central is down the consumer keeps
 * reconnecting and central keeps the messages. Each message is applied in one database transaction with its
 * inbox record, and acknowledged only after that commit.
 */
@Component
public class CentralResultsRoute extends RouteBuilder {

    private final QueueNames queues;
    private final NodeProperties node;
    private final LinkHealth links;

    public CentralResultsRoute(QueueNames queues, NodeProperties node, LinkHealth links) {
        this.queues = queues;
        this.node = node;
        this.links = links;
    }

    @Override
    public void configure() {
        from(JmsConsumers.endpoint("central", queues.outProvince(node.code())))
                .routeId("results-from-central")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(InboundDispatcher.class, "dispatch")
                .process(links::succeeded);
        links.register("results-from-central");
    }
}
