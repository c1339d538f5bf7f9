package org.singlewindow.node.agency;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.ErrorPolicy;
import org.singlewindow.node.transport.JmsConsumers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Flow (central), per configured agency: {@code sw.agency.<CODE>} → {@link AgencyDispatcher} → the agency's
 * narrow link interface → {@code direct:agency-http-<CODE>} → HTTP POST to {@code sw.agencies.<CODE>.url}.
 * Failures (connection refused, timeout, non-2xx) follow the shared error policy and end in
 * {@code DLQ.sw.agency.<CODE>} once exhausted.
 */
@Component
@ConditionalOnProperty(name = "sw.role", havingValue = "CENTRAL")
public class AgencyLinkRoutes extends RouteBuilder {

    private final QueueNames queues;
    private final NodeProperties node;

    public AgencyLinkRoutes(QueueNames queues, NodeProperties node) {
        this.queues = queues;
        this.node = node;
    }

    static String httpEndpoint(String agency) {
        return "direct:agency-http-" + agency;
    }

    @Override
    public void configure() {
        for (Map.Entry<String, NodeProperties.Agency> link : node.agencies().entrySet()) {
            String code = link.getKey();
            long timeout = link.getValue().timeout().toMillis();
            from(JmsConsumers.endpoint("jms", queues.agency(code)))
                    .routeId("agency-link-" + code)
                    .routeConfigurationId(ErrorPolicy.ID)
                    .bean(AgencyDispatcher.class, "dispatch");

            from(httpEndpoint(code))
                    .routeId("agency-http-" + code)
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json; charset=UTF-8"))
                    .to(link.getValue().url() + "?throwExceptionOnFailure=true&connectTimeout=" + timeout
                            + "&responseTimeout=" + timeout)
                    .convertBodyTo(String.class);
        }
    }
}
