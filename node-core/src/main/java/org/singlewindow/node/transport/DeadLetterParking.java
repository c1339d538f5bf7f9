package org.singlewindow.node.transport;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsEndpoint;
import org.singlewindow.node.config.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parks a message that must not be retried (see {@link Failures}) in the dead-letter queue of the queue it came
 * from, {@code DLQ.<queue>} on the same broker, with why: {@value #REASON} (a reason code), {@value #DETAIL} (the
 * failure, at most 500 characters), {@value #PARKED_AT} and {@value #ORIGINAL_QUEUE}. The message keeps its body,
 * its message id and its group; operators list, replay or discard it through the operations API. Counted in
 * {@code sw.dead-letters} by queue and reason.
 */
@Component
public class DeadLetterParking {

    public static final String REASON = "swDeadLetterReason";
    public static final String DETAIL = "swDeadLetterDetail";
    public static final String PARKED_AT = "swDeadLetteredAt";
    public static final String ORIGINAL_QUEUE = "swOriginalQueue";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterParking.class);

    private final ProducerTemplate producer;
    private final QueueNames queues;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeadLetterParking(ProducerTemplate producer, QueueNames queues, MeterRegistry meters, Clock clock) {
        this.producer = producer;
        this.queues = queues;
        this.meters = meters;
        this.clock = clock;
    }

    /** Parks the exchange's (original) message; a failure to park fails the exchange, so the message stays put. */
    public void park(Exchange exchange) {
        Throwable failure = Failures.of(exchange);
        Failures.Verdict verdict = Failures.classify(failure);
        Endpoint from = exchange.getFromEndpoint();
        if (!(from instanceof JmsEndpoint jms)) {
            throw new IllegalStateException("only messages consumed from a queue can be parked, not from " + from);
        }
        String component = from.getEndpointUri().substring(0, from.getEndpointUri().indexOf(':'));
        String queue = jms.getDestinationName();
        String detail = failure == null ? verdict.reason() : Failures.clip(Failures.describe(failure), 500);
        String body = exchange.getMessage().getBody(String.class);
        Object messageId = exchange.getMessage().getHeader(MessageProperties.MESSAGE_ID);
        Object group = exchange.getMessage().getHeader(MessageProperties.GROUP);
        Exchange sent = producer.send(component + ":queue:" + queues.deadLetter(queue) + "?deliveryPersistent=true", e -> {
            e.getMessage().setBody(body);
            if (messageId != null) {
                e.getMessage().setHeader(MessageProperties.MESSAGE_ID, messageId);
            }
            if (group != null) {
                e.getMessage().setHeader(MessageProperties.GROUP, group);
            }
            e.getMessage().setHeader(REASON, verdict.reason());
            e.getMessage().setHeader(DETAIL, detail);
            e.getMessage().setHeader(PARKED_AT, clock.instant().toString());
            e.getMessage().setHeader(ORIGINAL_QUEUE, queue);
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("could not park message " + messageId + " in "
                    + queues.deadLetter(queue), sent.getException());
        }
        meters.counter("sw.dead-letters", "queue", queue, "reason", verdict.reason()).increment();
        log.warn("message {} parked in {} ({}): {}", messageId, queues.deadLetter(queue), verdict.reason(), detail);
    }
}
