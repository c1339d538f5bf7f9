package org.singlewindow.node.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.signature.NodeKey;
import org.singlewindow.security.AuditCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the node's audit chain with the node's key ({@link AuditCheckpoint}): at start (covering what
 * was written before a crash), every {@code sw.audit.checkpoint-interval} when the chain grew, and at stop.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
public class AuditCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditMapper mapper;
    private final NodeKey key;
    private final NodeProperties node;
    private final AuditProperties settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public AuditCheckpoints(AuditMapper mapper, NodeKey key, NodeProperties node, AuditProperties settings,
                            TransactionTemplate tx, Clock clock) {
        this.mapper = mapper;
        this.key = key;
        this.node = node;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Signs the chain's head if no checkpoint covers it yet; returns the checkpoint, or null when none was due. */
    public AuditCheckpoint checkpoint() {
        if (!key.present()) {
            return null;
        }
        try {
            return tx.execute(s -> {
                AuditHead head = mapper.head();
                Long last = mapper.lastCheckpointSeq();
                if (head.seq() == 0 || last != null && last >= head.seq()) {
                    return null;
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                AuditCheckpoint checkpoint = new AuditCheckpoint(head.seq(), head.hash(), now,
                        key.sign(AuditCheckpoint.content(node.code(), head.seq(), head.hash(), now)));
                mapper.insertCheckpoint(checkpoint);
                return checkpoint;
            });
        } catch (DuplicateKeyException anotherInstance) {
            return null;
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkpointInterval().toMillis();
        timer.scheduleWithFixedDelay(this::quietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            quietly();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void quietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("audit checkpoint not signed, will retry: {}", e.toString());
        }
    }
}
