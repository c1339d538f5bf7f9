package org.singlewindow.central.agency;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.ErrorPolicy;
import org.singlewindow.node.transport.JmsConsumers;
import org.singlewindow.node.transport.LinkHealth;
import org.springframework.stereotype.Component;

/**
 * Flow (central), per configured agency: {@code sw.agency.<CODE>} → {@link AgencyDispatcher} → the agency's
 * narrow link interface → {@code direct:agency-http-<CODE>} → HTTP POST to {@code sw.agencies.<CODE>.url}.
 * A ministry that is down or answers 5xx is waited for (the shared error policy's backoff, up to the link's
 * {@code retry-max-delay}, without limit; the queue is the backlog); a 4xx refusal, a forged answer or an unknown
 * declaration is parked in {@code DLQ.sw.agency.<CODE>} at once.
 */
@Component
public class AgencyLinkRoutes extends RouteBuilder {

    private final QueueNames queues;
    private final NodeProperties node;
    private final LinkHealth links;

    public AgencyLinkRoutes(QueueNames queues, NodeProperties node, LinkHealth links) {
        this.queues = queues;
        this.node = node;
        this.links = links;
    }

    /** The route (and link health name) of an agency's link. */
    public static String linkRoute(String agency) {
        return "agency-link-" + agency;
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
                    .routeId(linkRoute(code))
                    .routeConfigurationId(ErrorPolicy.forAgency(code))
                    .bean(AgencyDispatcher.class, "dispatch")
                    .process(links::succeeded);
            links.register(linkRoute(code));

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
