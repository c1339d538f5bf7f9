package org.singlewindow.node.operations;

import java.util.concurrent.atomic.LongAdder;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.singlewindow.node.signature.NodeKey;
import org.singlewindow.node.transport.Brokers;
import org.singlewindow.security.CmsSignatures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * What the node's work costs in round trips, for the benchmark and operators: database transactions committed
 * (every transaction the node's transaction manager commits; Boot registers this listener with it; also
 * {@code sw.db.commits}), messages added to the node's own broker (its {@code totalMessagesAdded}, read through
 * Artemis management), signatures made with the node key and SM2 signatures verified by computation (one found
 * verified before is not counted; the count is the JVM's).
 */
@Component
public class WorkCounters implements TransactionExecutionListener {

    private final LongAdder commits = new LongAdder();
    private final Brokers brokers;
    private final NodeKey key;

    public WorkCounters(Brokers brokers, NodeKey key, MeterRegistry meters) {
        this.brokers = brokers;
        this.key = key;
        FunctionCounter.builder("sw.db.commits", commits, LongAdder::sum)
                .description("database transactions committed").register(meters);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (failure == null && transaction.isNewTransaction()) {
            commits.increment();
        }
    }

    /** The counters now. */
    public record Counts(long transactionsCommitted, long brokerMessagesAdded, long signaturesMade,
                         long signaturesVerified) {
    }

    public Counts now() {
        return new Counts(commits.sum(), brokerMessagesAdded(), key.signaturesMade(), CmsSignatures.verifications());
    }

    private long brokerMessagesAdded() {
        try (Connection connection = brokers.local().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, "totalMessagesAdded");
            Message reply = QueueStats.request(session, request);
            return JMSManagementHelper.hasOperationSucceeded(reply)
                    ? ((Number) JMSManagementHelper.getResult(reply)).longValue() : -1;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the broker's message count: " + e.getMessage(), e);
        }
    }
}
