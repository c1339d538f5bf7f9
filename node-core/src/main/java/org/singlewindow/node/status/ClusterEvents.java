package org.singlewindow.node.status;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Flow (a node running as several instances, {@code sw.cluster.enabled}): changed declarations across instances.
 * After a commit appended events, the instance that committed announces the declaration's id on the topic
 * {@code sw.events.changed} of the node's broker (not persistent, lives a minute); every instance, the announcer
 * included, pushes the new events to the event streams it holds. A stream reads from the database what it has not
 * sent, so an announcement heard twice sends nothing twice; one lost while the broker fails over is made up by the
 * declaration's next change, or by the client reconnecting with {@code Last-Event-ID}.
 */
@Component
@ConditionalOnProperty(name = "sw.cluster.enabled", havingValue = "true")
public class ClusterEvents extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final QueueNames queues;
    private final SseHub hub;
    private volatile ProducerTemplate producer;

    public ClusterEvents(QueueNames queues, SseHub hub) {
        this.queues = queues;
        this.hub = hub;
    }

    @Override
    public void configure() {
        from("jms:topic:" + queues.eventsTopic())
                .routeId("events-across-instances")
                .process(exchange -> hub.changedHere(exchange.getMessage().getBody(String.class)));
        producer = getContext().createProducerTemplate();
    }

    /** Tells every instance that a declaration's events changed. */
    void announce(String declarationId) {
        ProducerTemplate template = producer;
        if (template == null) {
            return; // routes not started yet: nobody listens
        }
        try {
            template.sendBody("jms:topic:" + queues.eventsTopic() + "?deliveryPersistent=false&timeToLive=60000",
                    declarationId);
        } catch (RuntimeException e) {
            log.debug("declaration {} changed, not announced to other instances: {}", declarationId, e.toString());
        }
    }
}
