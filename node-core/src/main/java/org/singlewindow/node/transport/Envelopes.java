package org.singlewindow.node.transport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.Hop;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Creates envelopes sent by this node: fresh message id, this node as sender, first hop. */
@Component
public class Envelopes {

    private final NodeProperties node;
    private final Clock clock;

    public Envelopes(NodeProperties node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    /**
     * A new envelope; a signed document travels with its signature: the declarant's, or that of the customs broker
     * named by {@code submittedBy} (both null otherwise). Used by the outbox only: senders call
     * {@link org.singlewindow.node.outbox.Outbox#send}.
     */
    public Envelope create(String declarationId, MessageType type, DocumentType documentType, String receiver,
                           String originProvince, JsonNode payload, String documentSignature, String submittedBy) {
        return create(UUID.randomUUID().toString(), declarationId, type, documentType, receiver, originProvince,
                payload, documentSignature, submittedBy);
    }

    /** A new envelope with the message id the sender gives it (one it keeps however often it is sent). */
    public Envelope create(String messageId, String declarationId, MessageType type, DocumentType documentType,
                           String receiver, String originProvince, JsonNode payload, String documentSignature,
                           String submittedBy) {
        Instant now = clock.instant();
        return new Envelope(messageId, declarationId, type, documentType, node.code(), receiver,
                originProvince, now, List.of(new Hop(node.code(), "SENT", now)), Envelope.SCHEMA_VERSION, payload,
                documentSignature, submittedBy);
    }

    /** A forwarded copy keeps the message id and gains a hop. */
    public Envelope forward(Envelope envelope, String action) {
        return envelope.withHop(new Hop(node.code(), action, clock.instant()));
    }
}
