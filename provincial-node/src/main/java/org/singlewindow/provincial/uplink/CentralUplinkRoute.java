package org.singlewindow.provincial.uplink;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.JmsConsumers;
import org.singlewindow.node.transport.LinkHealth;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.stereotype.Component;

/**
 * Flow (provincial): local {@code sw.out.central} → central's {@code sw.in.provinces}. The local message is
 * consumed in a JMS transaction that commits only after central's broker confirmed the persistent send, so
 * nothing is lost; the Artemis duplicate-detection id travels along, so a send repeated after a crash is dropped
 * by central's broker. A declaration's first message passes the {@link UplinkGate}, which drops it when the declarant
 * withdrew the declaration before it left. While central is unreachable the route keeps retrying with backoff, forever: messages
 * wait in the local queue (store-and-forward) and never go to a dead-letter queue for that reason.
 */
@Component
public class CentralUplinkRoute extends RouteBuilder {

    private final QueueNames queues;
    private final ProvincialProperties provincial;
    private final LinkHealth links;
    private final UplinkGate gate;

    public CentralUplinkRoute(QueueNames queues, ProvincialProperties provincial, LinkHealth links, UplinkGate gate) {
        this.gate = gate;
        this.queues = queues;
        this.provincial = provincial;
        this.links = links;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(-1)
                .redeliveryDelay(provincial.central().retryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(provincial.central().retryMaxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .retryAttemptedLogInterval(10)
                .allowRedeliveryWhileStopping(false)
                .onRedelivery(links::retrying));

        from(JmsConsumers.endpoint("jms", queues.outCentral()))
                .routeId("uplink-to-central")
                .log(LoggingLevel.DEBUG, "forwarding message ${header.swMessageId} to central")
                .process(e -> gate.forward(e, "central:queue:" + queues.inProvinces() + "?deliveryPersistent=true"))
                .process(links::succeeded);
        links.register("uplink-to-central");
    }
}
