package org.singlewindow.node.transport;

import org.singlewindow.contracts.envelope.Envelope;

/** Applies one kind of envelope arriving at this node. Implementations are transactional and idempotent. */
public interface InboundHandler {

    /** Whether this handler applies the envelope. */
    boolean accepts(Envelope envelope);

    /** Applies the envelope once; a message id seen before is acknowledged without effect. */
    void handle(Envelope envelope);
}
