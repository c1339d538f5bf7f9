package org.singlewindow.node.status;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.singlewindow.node.config.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Flow (a node running as several instances, {@code sw.cluster.enabled}): changed declarations across instances.
 * After a commit appended events, the instance that committed announces the declarations' ids on the topic
 * {@code sw.events.changed} of the node's broker (not persistent, lives a minute; the ids of commits made while a
 * message was being sent go together in the next, see {@link Announcements}); every instance, the announcer
 * included, pushes the new events to the event streams it holds. A stream reads from the database what it has not
 * sent, so an announcement heard twice sends nothing twice; one lost while the broker fails over is made up by the
 * declaration's next change, by the stream's catch-up read (see {@link SseHub}), or by the client reconnecting with
 * {@code Last-Event-ID}.
 */
@Component
@ConditionalOnProperty(name = "sw.cluster.enabled", havingValue = "true")
public class ClusterEvents extends RouteBuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final QueueNames queues;
    private final SseHub hub;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "events-announcer");
        t.setDaemon(true);
        return t;
    });
    private final Announcements announcements = new Announcements(this::send, sender);
    private volatile ProducerTemplate producer;

    public ClusterEvents(QueueNames queues, SseHub hub) {
        this.queues = queues;
        this.hub = hub;
    }

    @Override
    public void configure() {
        from("jms:topic:" + queues.eventsTopic())
                .routeId("events-across-instances")
                .process(exchange -> Announcements.ids(exchange.getMessage().getBody(String.class))
                        .forEach(hub::changedHere));
        producer = getContext().createProducerTemplate();
    }

    /** Tells every instance that these declarations' events changed. */
    void announce(Collection<String> declarationIds) {
        if (producer != null) { // else the routes have not started yet: nobody listens
            announcements.add(declarationIds);
        }
    }

    private void send(String body) {
        try {
            producer.sendBody("jms:topic:" + queues.eventsTopic() + "?deliveryPersistent=false&timeToLive=60000",
                    body);
        } catch (RuntimeException e) {
            log.debug("declarations {} changed, not announced to other instances: {}", Announcements.ids(body),
                    e.toString());
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
