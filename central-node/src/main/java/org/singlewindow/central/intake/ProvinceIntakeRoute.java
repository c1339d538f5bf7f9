package org.singlewindow.central.intake;

import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.ErrorPolicy;
import org.singlewindow.node.transport.InboundDispatcher;
import org.singlewindow.node.transport.JmsConsumers;
import org.singlewindow.node.transport.LinkHealth;
import org.springframework.stereotype.Component;

/**
 * Flow (central): {@code sw.in.provinces} → intake. Declarations from every province, and copies one province
 * sends another, arrive here; each is applied in one database transaction with its inbox record.
 */
@Component
public class ProvinceIntakeRoute extends RouteBuilder {

    private final QueueNames queues;
    private final LinkHealth links;

    public ProvinceIntakeRoute(QueueNames queues, LinkHealth links) {
        this.queues = queues;
        this.links = links;
    }

    @Override
    public void configure() {
        from(JmsConsumers.endpoint("jms", queues.inProvinces()))
                .routeId("intake-from-provinces")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(InboundDispatcher.class, "dispatch")
                .process(links::succeeded);
        links.register("intake-from-provinces");
    }
}
