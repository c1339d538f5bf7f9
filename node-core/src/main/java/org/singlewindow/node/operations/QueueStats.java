package org.singlewindow.node.operations;


import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.singlewindow.node.transport.Brokers;
import org.springframework.stereotype.Component;

/**
 * A queue's backlog as its broker reports it. On the node's own broker through Artemis management messages
 * ({@code activemq.management}): messages (waiting and in delivery), in delivery, consumers, and the age of the
 * oldest waiting message. A province's results queue on central's broker, where it may only browse its own
 * queue, is counted by browsing (messages waiting, at most {@value QueueBrowsing#COUNT_CAP}).
 */
@Component
public class QueueStats {

    private static final String MANAGEMENT = "activemq.management";
    private static final long TIMEOUT_MS = 5_000;

    private final Brokers brokers;

    public QueueStats(Brokers brokers) {
        this.brokers = brokers;
    }

    /**
     * A queue's backlog.
     *
     * @param messages          messages in the queue, including those being delivered
     * @param delivering        messages a consumer holds (e.g. waiting out a ministry outage)
     * @param consumers         consumers attached (null when not known)
     * @param oldestAgeSeconds  age of the oldest message not being delivered (null: none, or not known)
     */
    public record Backlog(String queue, Brokers.Location broker, long messages, Long delivering, Integer consumers,
                          Long oldestAgeSeconds) {
    }

    public Backlog of(String queue) {
        return brokers.locationOf(queue) == Brokers.Location.LOCAL ? managed(queue) : browsed(queue);
    }

    private Backlog managed(String queue) {
        try (Connection connection = brokers.connectionsFor(queue).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Requestor requestor = new Requestor(session);
            connection.start();
            Number messages = (Number) attribute(session, requestor, queue, "messageCount");
            if (messages == null) {
                return new Backlog(queue, Brokers.Location.LOCAL, 0, 0L, 0, null);
            }
            Number delivering = (Number) attribute(session, requestor, queue, "deliveringCount");
            Number consumers = (Number) attribute(session, requestor, queue, "consumerCount");
            Number ageMs = (Number) attribute(session, requestor, queue, "firstMessageAge");
            return new Backlog(queue, Brokers.Location.LOCAL, messages.longValue(),
                    delivering == null ? null : delivering.longValue(), consumers == null ? null : consumers.intValue(),
                    ageMs == null ? null : ageMs.longValue() / 1000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the backlog of " + queue + ": " + e.getMessage(), e);
        }
    }

    /** An attribute of a queue's control; null when the queue does not exist (yet). */
    private static Object attribute(Session session, Requestor requestor, String queue, String name)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, name);
        Message reply = requestor.request(request);
        return JMSManagementHelper.hasOperationSucceeded(reply) ? JMSManagementHelper.getResult(reply) : null;
    }

    /** One management request on a started connection's session, and its reply. */
    static Message request(Session session, Message request) throws JMSException {
        return new Requestor(session).request(request);
    }

    /** Request and reply over a temporary queue, with a timeout (JMS's own QueueRequestor waits forever). */
    private static final class Requestor {
        private final MessageProducer producer;
        private final MessageConsumer replies;
        private final TemporaryQueue replyTo;

        Requestor(Session session) throws JMSException {
            producer = session.createProducer(session.createQueue(MANAGEMENT));
            replyTo = session.createTemporaryQueue();
            replies = session.createConsumer(replyTo);
        }

        Message request(Message request) throws JMSException {
            request.setJMSReplyTo(replyTo);
            producer.send(request);
            Message reply = replies.receive(TIMEOUT_MS);
            if (reply == null) {
                throw new JMSException("no answer from the broker's management within " + TIMEOUT_MS + " ms");
            }
            return reply;
        }
    }

    private Backlog browsed(String queue) {
        int count = QueueBrowsing.browse(brokers.connectionsFor(queue), queue, (index, message) -> { });
        return new Backlog(queue, Brokers.Location.CENTRAL, count, null, null, null);
    }
}
