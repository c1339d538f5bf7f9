package org.singlewindow.node.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the node's broker, oldest first, on one thread (so rows leave in commit order per
 * declaration), then deletes them. A pass claims a batch of rows in a database transaction
 * ({@code FOR UPDATE SKIP LOCKED}: a second relay on the same database skips them) and sends them in one JMS
 * transaction ({@link BrokerPublisher}), one journal sync for the batch. The batch is signed there with one signature
 * ({@link EnvelopeSignatures#signBatch}: its Merkle root signed, each envelope with its path). Each message
 * carries its message id as Artemis duplicate-detection id and its declaration id as message group, so one
 * declaration's messages are consumed in order while different declarations go in parallel.
 * <p>Nothing blocks the line: a row sent before a crash and deleted too late is a duplicate the broker drops; a row
 * whose body does not open or that the broker refuses for itself (security, destination, format) is parked with the
 * reason ({@code outbox.parked_at}, counted in {@code sw.outbox.parked})
 * for operators to replay or discard. A broker that cannot be reached leaves every row for the next pass. Woken
 * after each commit that wrote a row, and by a poll as a safety net.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMapper mapper;
    private final BrokerPublisher publisher;
    private final NodeProperties.Outbox settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EnvelopeCodec codec;
    private final EnvelopeSignatures signatures;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public OutboxRelay(OutboxMapper mapper, BrokerPublisher publisher, NodeProperties node,
                       TransactionTemplate tx, Clock clock, MeterRegistry meters, EnvelopeCodec codec,
                       EnvelopeSignatures signatures) {
        this.codec = codec;
        this.signatures = signatures;
        this.mapper = mapper;
        this.publisher = publisher;
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
            List<BrokerPublisher.Outgoing> ready = new ArrayList<>();
            Map<Long, OutboxRow> byId = new HashMap<>();
            for (int i = 0; i < readable.size(); i++) {
                OutboxRow row = readable.get(i);
                byId.put(row.id(), row);
                ready.add(new BrokerPublisher.Outgoing(row.id(), row.messageId(), row.messageId(),
                        row.queueName(), row.groupId(), codec.write(signed.get(i))));
            }
            publisher.publish(ready, (message, reason, detail) -> park(byId.get(message.tag()), reason, detail))
                    .forEach(mapper::delete);
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void park(OutboxRow row, String reason, String detail) {
        String why = reason + ": " + (detail == null ? "" : detail);
        mapper.park(row.id(), Failures.clip(why, 500), clock.instant());
        meters.counter("sw.outbox.parked", "reason", reason).increment();
        log.warn("outbox row {} (message {} to {}) parked: {}", row.id(), row.messageId(), row.queueName(), why);
    }

    private void sleepQuietly() {
        try {
            signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
