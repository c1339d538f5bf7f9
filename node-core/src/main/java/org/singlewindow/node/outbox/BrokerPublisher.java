package org.singlewindow.node.outbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.singlewindow.node.transport.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts signed envelopes on the node's broker: a batch in one JMS transaction (one journal sync), each message
 * persistent, with its duplicate-detection id ({@code _AMQ_DUPL_ID}) and its message group ({@code JMSXGroupID}).
 * When the broker refuses the transaction as a whole (one message in it was sent before: a duplicate rejects its
 * whole transaction) the messages go one at a time, where a duplicate is simply dropped; a message the broker refuses
 * for itself (security, destination, format) is handed to the caller's {@link Refusals}. Used by the outbox relay
 * and by {@link Outbox#sendNow} for bytes that do not pass through the database.
 */
@Component
public class BrokerPublisher {

    private static final Logger log = LoggerFactory.getLogger(BrokerPublisher.class);

    private final ConnectionFactory connectionFactory;

    public BrokerPublisher(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /**
     * One message to publish.
     *
     * @param tag         the caller's own handle on it (an outbox row id), handed back
     * @param duplicateId the broker's duplicate-detection id
     * @param group       its message group (a declaration's messages are consumed in order)
     */
    public record Outgoing(long tag, String duplicateId, String messageId, String queue, String group, String text) {
    }

    /** What the caller does with a message the broker refuses for itself. */
    public interface Refusals {
        void refused(Outgoing message, String reason, String detail);
    }

    /**
     * Sends the batch; returns the tags of the messages the broker has (sent now, or before: duplicates).
     *
     * @throws IllegalStateException when the broker cannot be reached: nothing can be said to be sent
     */
    public List<Long> publish(List<Outgoing> batch, Refusals refusals) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try (Connection connection = connectionFactory.createConnection()) {
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                try {
                    for (Outgoing message : batch) {
                        send(session, message);
                    }
                    session.commit();
                    return batch.stream().map(Outgoing::tag).toList();
                } catch (JMSException | RuntimeException e) {
                    rollbackQuietly(session);
                    log.info("batch of {} refused as a whole ({}); sending its messages one at a time",
                            batch.size(), e.toString());
                }
            }
            return oneByOne(connection, batch, refusals);
        } catch (JMSException e) {
            throw new IllegalStateException("publishing " + batch.size() + " messages failed: " + e, e);
        }
    }

    private static List<Long> oneByOne(Connection connection, List<Outgoing> batch, Refusals refusals)
            throws JMSException {
        List<Long> published = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (Outgoing message : batch) {
                try {
                    send(session, message);
                    published.add(message.tag());
                } catch (JMSSecurityException | InvalidDestinationException | MessageFormatException refused) {
                    refusals.refused(message, "REFUSED_BY_BROKER", refused.getMessage());
                }
            }
        }
        return published;
    }

    private static void send(Session session, Outgoing outgoing) throws JMSException {
        Message message = session.createTextMessage(outgoing.text());
        message.setStringProperty(MessageProperties.DUPLICATE_ID, outgoing.duplicateId());
        message.setStringProperty(MessageProperties.MESSAGE_ID, outgoing.messageId());
        message.setStringProperty(MessageProperties.GROUP,
                outgoing.group() == null ? outgoing.messageId() : outgoing.group());
        try (MessageProducer producer = session.createProducer(session.createQueue(outgoing.queue()))) {
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
        }
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException ignored) {
            // the transaction is gone with the refusal
        }
    }
}
