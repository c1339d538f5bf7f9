package org.singlewindow.central.relay;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Central: relays a copy one province addressed to another ({@code peer:<code>}) to that province's result
 * queue. Provinces only ever dial central, so central is the hub of peer exchange too; the copy keeps its
 * message id and gains a hop.
 */
@Component
public class PeerRelayHandler implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(PeerRelayHandler.class);

    private final Outbox outbox;

    public PeerRelayHandler(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public MessageType messageType() {
        return MessageType.PEER_COPY;
    }

    @Override
    public void apply(Envelope envelope) {
        Destination to = Destination.parse(envelope.receiver());
        if (to.kind() != Destination.Kind.PEER) {
            throw new PermanentFailure("BAD_DESTINATION", "peer copy addressed to " + envelope.receiver());
        }
        outbox.forward(to, envelope, "RELAYED");
        log.info("peer copy relayed from {} to {}", envelope.sender(), to.code());
    }
}
