package org.singlewindow.node.operations;

import java.util.Enumeration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/** Browses a queue without taking anything from it, up to {@value #COUNT_CAP} messages. */
final class QueueBrowsing {

    /** Most messages counted per queue. */
    static final int COUNT_CAP = 10_000;

    /** What to do with each message browsed, in queue order. */
    interface Visitor {
        void visit(int index, Message message) throws JMSException;
    }

    private QueueBrowsing() {
    }

    /** Shows {@code visitor} each message of {@code queue} (at most {@value #COUNT_CAP}); returns how many. */
    static int browse(ConnectionFactory connections, String queue, Visitor visitor) {
        int count = 0;
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && count < COUNT_CAP) {
                    visitor.visit(count++, (Message) messages.nextElement());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
        return count;
    }
}
