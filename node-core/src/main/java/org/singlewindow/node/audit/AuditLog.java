package org.singlewindow.node.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends to the node's hash-chained audit log ({@link AuditVerification} checks it). */
@Service
public class AuditLog {

    private final AuditMapper mapper;
    private final NodeProperties node;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditLog(AuditMapper mapper, NodeProperties node, TransactionTemplate tx, Clock clock) {
        this.mapper = mapper;
        this.node = node;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends a record within the caller's transaction: it commits, or rolls back, with the change it records.
     * The records of a transaction are chained just before it commits, so the lock on the chain's head is the last
     * lock any transaction takes: a transaction holding it waits for nothing else, and no lock cycle (deadlock)
     * can form through it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> batch = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    chain(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                }
            });
            pending = batch;
        }
        pending.add(new Pending(clock.instant(), actor, action, subject, detail));
    }

    private void chain(List<Pending> batch) {
        AuditHead head = mapper.lockHead();
        long seq = head.seq();
        String hash = head.hash();
        for (Pending p : batch) {
            AuditRecord record = AuditChain.next(seq, hash, p.at(), node.code(), p.actor(), p.action(), p.subject(),
                    p.detail());
            mapper.insert(record);
            seq = record.seq();
            hash = record.hash();
        }
        mapper.updateHead(seq, hash);
    }

    private record Pending(Instant at, String actor, String action, String subject, String detail) {
    }

    /** Appends a record in a transaction of its own (for events outside any business transaction, e.g. logins). */
    public void recordNow(String actor, String action, String subject, String detail) {
        tx.executeWithoutResult(s -> record(actor, action, subject, detail));
    }
}
