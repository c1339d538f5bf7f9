package org.singlewindow.node.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.persistence.PeriodicPass;
import org.singlewindow.node.signature.NodeKey;
import org.singlewindow.security.AuditCheckpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the node's audit chain with the node's key ({@link AuditCheckpoint}): at start (covering what
 * was written before a crash), every {@code sw.audit.checkpoint-interval} when the chain grew, and at stop.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
public class AuditCheckpoints extends PeriodicPass {

    private final AuditMapper mapper;
    private final NodeKey key;
    private final NodeProperties node;
    private final AuditProperties settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditCheckpoints(AuditMapper mapper, NodeKey key, NodeProperties node, AuditProperties settings,
                            TransactionTemplate tx, Clock clock) {
        super("audit-checkpoints", settings.checkpointInterval(), true);
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
    protected void pass() {
        checkpoint();
    }
}
