package org.singlewindow.central.agency;

import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.central.CentralProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.ErrorPolicy;
import org.singlewindow.node.transport.JmsConsumers;
import org.singlewindow.node.transport.LinkHealth;
import org.springframework.stereotype.Component;

/**
 * Flow (central), one route per configured agency: {@code sw.agency.<CODE>} → {@link AgencyDispatcher} → the
 * agency's {@link AgencyLink} (HTTP POST to {@code sw.agencies.<CODE>.url} unless another link is registered).
 * A ministry that is down or answers 5xx is waited for (the shared error policy's backoff, up to the link's
 * {@code retry-max-delay}, without limit; the queue is the backlog); a 4xx refusal, a forged answer or an unknown
 * declaration is parked in {@code DLQ.sw.agency.<CODE>} at once.
 */
@Component
public class AgencyLinkRoutes extends RouteBuilder {

    private final QueueNames queues;
    private final CentralProperties central;
    private final LinkHealth links;

    public AgencyLinkRoutes(QueueNames queues, CentralProperties central, LinkHealth links) {
        this.queues = queues;
        this.central = central;
        this.links = links;
    }

    /** The route (and link health name) of an agency's link. */
    public static String linkRoute(String agency) {
        return "agency-link-" + agency;
    }

    @Override
    public void configure() {
        for (String code : central.agencies().keySet()) {
            from(JmsConsumers.endpoint("jms", queues.agency(code)))
                    .routeId(linkRoute(code))
                    .routeConfigurationId(ErrorPolicy.forLink(code))
                    .bean(AgencyDispatcher.class, "dispatch")
                    .process(links::succeeded);
            links.register(linkRoute(code));
        }
    }
}
