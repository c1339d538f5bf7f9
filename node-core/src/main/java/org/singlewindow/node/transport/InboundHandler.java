package org.singlewindow.node.transport;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;

/**
 * Applies one type of envelope arriving at this node. A node has at most one handler per message type.
 * {@link InboundDispatcher} calls {@link #apply} inside the database transaction that records the message id in
 * the inbox, and only for a message id not seen before; so a handler needs no dedupe of its own.
 */
public interface InboundHandler {

    /** The message type this handler applies. */
    MessageType messageType();

    /** Applies the envelope; runs inside the inbox transaction. */
    void apply(Envelope envelope);
}
