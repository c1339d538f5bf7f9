package org.singlewindow.node.outbox;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.transport.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows to the node's broker, oldest first, on one thread (so rows leave in commit order per
 * declaration), then deletes them. A batch is sent in one JMS transaction: one journal sync for the batch
 * instead of one per message. Each message is persistent, carries its message id as Artemis duplicate-detection
 * id ({@code _AMQ_DUPL_ID}) and its declaration id as message group ({@code JMSXGroupID}), so one declaration's
 * messages are consumed in order while different declarations go in parallel. Woken after each commit that
 * wrote a row, and by a poll as a safety net. One relay per node database.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);


    private final OutboxMapper mapper;
    private final ConnectionFactory connectionFactory;
    private final NodeProperties.Outbox settings;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public OutboxRelay(OutboxMapper mapper, ConnectionFactory connectionFactory, NodeProperties node) {
        this.mapper = mapper;
        this.connectionFactory = connectionFactory;
        this.settings = node.outbox();
    }

    public void wakeUp() {
        signal.release();
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.warn("outbox relay disabled by configuration (sw.outbox.enabled=false): nothing will be sent");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Camel routes (default phase) and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                while (running && relayBatch() == settings.batchSize()) {
                    // a full batch: there may be more
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, will retry: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Publishes one batch in one JMS transaction, then deletes its rows; returns how many it published. */
    int relayBatch() {
        List<OutboxRow> rows = mapper.oldest(settings.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            publish(rows);
        } catch (JMSException e) {
            throw new IllegalStateException("publishing " + rows.size() + " outbox rows failed", e);
        }
        mapper.delete(rows.stream().map(OutboxRow::id).toList());
        return rows.size();
    }

    private void publish(List<OutboxRow> rows) throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                for (OutboxRow row : rows) {
                    Message message = session.createTextMessage(row.body().text());
                    message.setStringProperty(MessageProperties.DUPLICATE_ID, row.messageId());
                    message.setStringProperty(MessageProperties.MESSAGE_ID, row.messageId());
                    message.setStringProperty(MessageProperties.GROUP, row.groupId() == null ? row.messageId() : row.groupId());
                    try (MessageProducer producer = session.createProducer(session.createQueue(row.queueName()))) {
                        producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
                    }
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }

    private void sleepQuietly() {
        try {
            signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
