package org.singlewindow.provincial.uplink;

import java.time.Clock;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.node.change.ChangeMapper;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.transport.MessageProperties;
import org.singlewindow.security.Lru;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a province's document leaves for central, and the line a cancellation before dispatch may not cross. The
 * first message of a declaration goes up with the declaration's row locked: if the declarant withdrew it before
 * (CANCELLED, never handed over) the message is dropped, else it is sent and the row marked handed over, both
 * before the lock is released. {@link org.singlewindow.provincial.change.ChangeIntake} takes the same lock, so a
 * cancellation either comes first (and nothing leaves) or finds the document handed over (and asks the agencies
 * through central). A failed send rolls back: the document is still here, and still withdrawable, until central's
 * broker confirmed it. Later messages of a declaration known to be handed over go without the database.
 */
@Component
public class UplinkGate {

    private static final Logger log = LoggerFactory.getLogger(UplinkGate.class);
    private static final int DECLARATION_ID_LENGTH = 36;

    private final ChangeMapper changes;
    private final StatusMapper statuses;
    private final TransactionTemplate tx;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final Map<String, Boolean> handedOver = Lru.map(10_000);

    public UplinkGate(ChangeMapper changes, StatusMapper statuses, TransactionTemplate tx, ProducerTemplate producer,
                      Clock clock) {
        this.changes = changes;
        this.statuses = statuses;
        this.tx = tx;
        this.producer = producer;
        this.clock = clock;
    }

    /** Sends the exchange's message to {@code uri} unless its declaration was withdrawn before it left. */
    public void forward(Exchange exchange, String uri) {
        String declarationId = exchange.getMessage().getHeader(MessageProperties.GROUP, String.class);
        if (declarationId == null || declarationId.length() != DECLARATION_ID_LENGTH || known(declarationId)) {
            // attachment pieces travel in their file's group (its SM3 hash), not a declaration's (a UUID)
            send(exchange, uri);
            return;
        }
        boolean sent = Boolean.TRUE.equals(tx.execute(s -> {
            String status = statuses.lockStatus(declarationId);
            if (status == null) {
                send(exchange, uri);
                return true;
            }
            if (OverallStatus.CANCELLED.name().equals(status)
                    && changes.stateOf(declarationId).handedOverAt() == null) {
                return false;
            }
            send(exchange, uri);
            changes.handOver(declarationId, clock.instant());
            return true;
        }));
        if (sent) {
            synchronized (handedOver) {
                handedOver.put(declarationId, Boolean.TRUE);
            }
        } else {
            log.info("declaration {} was withdrawn before it left: message {} dropped", declarationId,
                    exchange.getMessage().getHeader(MessageProperties.MESSAGE_ID));
        }
    }

    private boolean known(String declarationId) {
        synchronized (handedOver) {
            return handedOver.containsKey(declarationId);
        }
    }

    private void send(Exchange exchange, String uri) {
        producer.send(uri, exchange);
        Exception failed = exchange.getException();
        if (failed != null) {
            exchange.setException(null);
            throw new IllegalStateException("send to central failed: " + failed.getMessage(), failed);
        }
    }
}
