package org.singlewindow.node.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.Brokers;
import org.singlewindow.node.transport.DeadLetterParking;
import org.singlewindow.node.transport.MessageProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The dead-letter queues of the queues this node consumes, over JMS on the broker that holds each: list what is
 * parked and why, move one message or all back to the queue they came from (replay), or remove one (discard). A
 * replayed message keeps its body, message id and group, loses its parking properties, and goes through the same
 * route again (the inbox applies a message id once, so replaying something already applied does nothing twice).
 * A message is named by its envelope's message id ({@code swMessageId}) or, without one, by its JMS message id.
 */
@Component
public class DeadLetterQueues {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._-]{1,100}");
    private static final long RECEIVE_MS = 2_000;

    private final Brokers brokers;
    private final QueueNames queues;

    public DeadLetterQueues(Brokers brokers, QueueNames queues) {
        this.brokers = brokers;
        this.queues = queues;
    }

    /** A parked message. */
    public record Parked(String id, String messageId, String declarationId, String messageType, String reason,
                         String detail, Instant parkedAt, int bytes) {
    }

    /** What is parked for one queue: how many (at most {@value QueueBrowsing#COUNT_CAP} counted) and the first ones. */
    public record Parking(String queue, String deadLetterQueue, Brokers.Location broker, int parked,
                          List<Parked> messages) {
    }

    /** The parked messages of {@code queue}, the first {@code limit} in full. */
    public Parking list(String queue, int limit) {
        List<Parked> first = new ArrayList<>();
        int count = QueueBrowsing.browse(brokers.connectionsFor(queue), queues.deadLetter(queue), (index, message) -> {
            if (index < limit) {
                first.add(describe(message));
            }
        });
        return new Parking(queue, queues.deadLetter(queue), brokers.locationOf(queue), count, first);
    }

    /**
     * Moves parked messages back to {@code queue}: the one named {@code id}, or every one when {@code id} is null.
     *
     * @return the ids of the messages moved (none when {@code id} is not parked there)
     */
    public List<String> replay(String queue, String id) {
        return take(queue, id, (session, message) -> {
            Message copy = copy(session, message);
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(copy);
            }
        });
    }

    /** Removes the parked message {@code id}; false when it is not parked there. */
    public boolean discard(String queue, String id) {
        return !take(queue, id, (session, message) -> { }).isEmpty();
    }

    private interface Step {
        void apply(Session session, Message message) throws JMSException;
    }

    /** Receives the named message (or each, for null) in a transaction of its own, applies the step, commits. */
    private List<String> take(String queue, String id, Step step) {
        if (id != null && !ID.matcher(id).matches()) {
            return List.of();
        }
        List<String> taken = new ArrayList<>();
        String selector = id == null ? null : MessageProperties.MESSAGE_ID + " = '" + id + "' OR JMSMessageID = '"
                + id + "'";
        try (Connection connection = brokers.connectionsFor(queue).createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue deadLetters = session.createQueue(queues.deadLetter(queue));
            try (MessageConsumer consumer = session.createConsumer(deadLetters, selector)) {
                for (Message message = consumer.receive(RECEIVE_MS); message != null;
                     message = id == null ? consumer.receive(RECEIVE_MS / 4) : null) {
                    try {
                        step.apply(session, message);
                        session.commit();
                        taken.add(idOf(message));
                    } catch (JMSException | RuntimeException e) {
                        session.rollback();
                        throw e;
                    }
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot take from " + queues.deadLetter(queue) + ": " + e.getMessage(), e);
        }
        return taken;
    }

    private static Message copy(Session session, Message parked) throws JMSException {
        TextMessage copy = session.createTextMessage(((TextMessage) parked).getText());
        for (String property : List.of(MessageProperties.MESSAGE_ID, MessageProperties.GROUP)) {
            String value = parked.getStringProperty(property);
            if (value != null) {
                copy.setStringProperty(property, value);
            }
        }
        return copy;
    }

    private static Parked describe(Message message) throws JMSException {
        String text = message instanceof TextMessage t ? t.getText() : null;
        JsonNode envelope = null;
        try {
            envelope = text == null ? null : Json.MAPPER.readTree(text);
        } catch (RuntimeException unparseable) {
            // shown as it is: its reason says why it was parked
        }
        String parkedAt = message.getStringProperty(DeadLetterParking.PARKED_AT);
        return new Parked(idOf(message), message.getStringProperty(MessageProperties.MESSAGE_ID),
                field(envelope, "declarationId"), field(envelope, "messageType"),
                message.getStringProperty(DeadLetterParking.REASON), message.getStringProperty(DeadLetterParking.DETAIL),
                parkedAt == null ? Instant.ofEpochMilli(message.getJMSTimestamp()) : Instant.parse(parkedAt),
                text == null ? 0 : text.length());
    }

    private static String field(JsonNode envelope, String name) {
        return envelope != null && envelope.path(name).isString() ? envelope.get(name).asString() : null;
    }

    private static String idOf(Message message) throws JMSException {
        String id = message.getStringProperty(MessageProperties.MESSAGE_ID);
        return id != null ? id : message.getJMSMessageID();
    }
}
