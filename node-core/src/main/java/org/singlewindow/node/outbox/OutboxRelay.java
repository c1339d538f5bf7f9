package org.singlewindow.node.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Failures;
import org.singlewindow.node.transport.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the node's broker, oldest first, on one thread (so rows leave in commit order per
 * declaration), then deletes them. A pass claims a batch of rows in a database transaction
 * ({@code FOR UPDATE SKIP LOCKED}: a second relay on the same database skips them) and sends them in one JMS
 * transaction, one journal sync for the batch. The batch is signed there with one signature
 * ({@link EnvelopeSignatures#signBatch}: its Merkle root signed, each envelope with its path). Each message is
 * persistent, carries its message id as Artemis duplicate-detection id ({@code _AMQ_DUPL_ID}) and its declaration
 * id as message group ({@code JMSXGroupID}), so one declaration's messages are consumed in order while different
 * declarations go in parallel.
 * <p>Nothing blocks the line: when the broker refuses the batch's transaction (a row sent before a crash, deleted
 * too late, is a duplicate, and a duplicate rejects its whole transaction) the rows go one at a time, where a
 * duplicate is simply dropped; a row whose body does not open or that the broker refuses for itself (security,
 * destination, format) is parked with the reason ({@code outbox.parked_at}, counted in {@code sw.outbox.parked})
 * for operators to replay or discard. A broker that cannot be reached leaves every row for the next pass. Woken
 * after each commit that wrote a row, and by a poll as a safety net.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMapper mapper;
    private final ConnectionFactory connectionFactory;
    private final NodeProperties.Outbox settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EnvelopeCodec codec;
    private final EnvelopeSignatures signatures;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public OutboxRelay(OutboxMapper mapper, ConnectionFactory connectionFactory, NodeProperties node,
                       TransactionTemplate tx, Clock clock, MeterRegistry meters, EnvelopeCodec codec,
                       EnvelopeSignatures signatures) {
        this.codec = codec;
        this.signatures = signatures;
        this.mapper = mapper;
        this.connectionFactory = connectionFactory;
        this.settings = node.outbox();
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
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

    /** Claims, publishes and deletes one batch (parking what cannot go); returns how many rows it claimed. */
    int relayBatch() {
        Integer claimed = tx.execute(status -> {
            List<OutboxRow> rows = mapper.claim(settings.batchSize());
            List<OutboxRow> readable = new ArrayList<>();
            List<Envelope> envelopes = new ArrayList<>();
            for (OutboxRow row : rows) {
                try {
                    envelopes.add(codec.read(row.text()));
                    readable.add(row);
                } catch (RuntimeException unreadable) {
                    park(row, "BODY_UNREADABLE", unreadable.getMessage());
                }
            }
            List<Envelope> signed = signatures.signBatch(envelopes);
            List<Ready> ready = new ArrayList<>();
            for (int i = 0; i < readable.size(); i++) {
                ready.add(new Ready(readable.get(i), codec.write(signed.get(i))));
            }
            publish(ready).forEach(mapper::delete);
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private record Ready(OutboxRow row, String text) {
    }

    /** Sends the rows; returns the ids of those the broker has (sent now, or before: duplicates). */
    private List<Long> publish(List<Ready> ready) {
        if (ready.isEmpty()) {
            return List.of();
        }
        try (Connection connection = connectionFactory.createConnection()) {
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                try {
                    for (Ready r : ready) {
                        send(session, r);
                    }
                    session.commit();
                    return ready.stream().map(r -> r.row().id()).toList();
                } catch (JMSException | RuntimeException e) {
                    rollbackQuietly(session);
                    log.info("outbox batch of {} refused as a whole ({}); sending its rows one at a time",
                            ready.size(), e.toString());
                }
            }
            return oneByOne(connection, ready);
        } catch (JMSException e) {
            throw new IllegalStateException("publishing " + ready.size() + " outbox rows failed: " + e, e);
        }
    }

    private List<Long> oneByOne(Connection connection, List<Ready> ready) throws JMSException {
        List<Long> published = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (Ready r : ready) {
                try {
                    send(session, r);
                    published.add(r.row().id());
                } catch (JMSSecurityException | InvalidDestinationException | MessageFormatException refused) {
                    park(r.row(), "REFUSED_BY_BROKER", refused.getMessage());
                }
            }
        }
        return published;
    }

    private static void send(Session session, Ready r) throws JMSException {
        Message message = session.createTextMessage(r.text());
        OutboxRow row = r.row();
        message.setStringProperty(MessageProperties.DUPLICATE_ID, row.messageId());
        message.setStringProperty(MessageProperties.MESSAGE_ID, row.messageId());
        message.setStringProperty(MessageProperties.GROUP, row.groupId() == null ? row.messageId() : row.groupId());
        try (MessageProducer producer = session.createProducer(session.createQueue(row.queueName()))) {
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
        }
    }

    private void park(OutboxRow row, String reason, String detail) {
        String why = reason + ": " + (detail == null ? "" : detail);
        mapper.park(row.id(), Failures.clip(why, 500), clock.instant());
        meters.counter("sw.outbox.parked", "reason", reason).increment();
        log.warn("outbox row {} (message {} to {}) parked: {}", row.id(), row.messageId(), row.queueName(), why);
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException ignored) {
            // the transaction is gone with the refusal
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
