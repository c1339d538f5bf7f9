package org.singlewindow.node.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ProducerTemplate;
import org.singlewindow.node.config.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows to the node's broker, oldest first, on one thread (so rows leave in commit order per
 * declaration), then deletes them. Woken after each commit that wrote a row, and by a poll as a safety net.
 * One relay per node database.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMapper mapper;
    private final ProducerTemplate producer;
    private final NodeProperties.Outbox settings;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public OutboxRelay(OutboxMapper mapper, ProducerTemplate producer, NodeProperties node) {
        this.mapper = mapper;
        this.producer = producer;
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

    /** Publishes one batch; returns how many rows it published. */
    int relayBatch() {
        List<OutboxRow> rows = mapper.oldest(settings.batchSize());
        for (OutboxRow row : rows) {
            producer.sendBodyAndHeaders(OutboxPublishRoute.ENDPOINT, row.body(), Map.of(
                    OutboxPublishRoute.QUEUE_HEADER, row.queueName(),
                    OutboxPublishRoute.DUPLICATE_ID_HEADER, row.messageId(),
                    OutboxPublishRoute.GROUP_HEADER, row.groupId() == null ? row.messageId() : row.groupId(),
                    OutboxPublishRoute.MESSAGE_ID_HEADER, row.messageId()));
            mapper.delete(row.id());
        }
        return rows.size();
    }

    private void sleepQuietly() {
        try {
            signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
