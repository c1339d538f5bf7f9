package org.singlewindow.international;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Queues a document for a partner window in the caller's transaction ({@code as4_message}, PENDING); the
 * {@link As4Sender} takes it from there. Nothing is sent from inside a transaction.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class As4Outbox {

    private final As4MessageMapper messages;
    private final Clock clock;

    As4Outbox(As4MessageMapper messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Queues {@code xml} for {@code partner} under {@code mode}; returns its message id. */
    String queue(String partner, PMode mode, String conversationId, String refTo, String xml) {
        String messageId = As4Inbox.newMessageId();
        messages.insert(As4MessageRow.outgoing(messageId, partner, mode, conversationId, refTo, xml, clock.instant()));
        return messageId;
    }
}
