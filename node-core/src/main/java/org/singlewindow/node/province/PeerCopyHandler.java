package org.singlewindow.node.province;

import java.time.Clock;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.PeerCopy;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Province: a peer province sent a copy of a declaration whose port is here; keep it for local services. */
@Component
@ConditionalOnProperty(name = "sw.role", havingValue = "PROVINCIAL", matchIfMissing = true)
public class PeerCopyHandler implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(PeerCopyHandler.class);

    private final PeerCopyMapper copies;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public PeerCopyHandler(PeerCopyMapper copies, EnvelopeCodec codec, Clock clock) {
        this.copies = copies;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public MessageType messageType() {
        return MessageType.PEER_COPY;
    }

    @Override
    public void apply(Envelope envelope) {
        PeerCopy copy = codec.payload(envelope, PeerCopy.class);
        copies.insert(new PeerCopyRow(envelope.messageId(), envelope.declarationId(), envelope.originProvince(),
                copy.ruleId(), PeerCopyRow.seal(envelope.messageId(), codec.write(copy.document())), clock.instant()));
        log.info("peer copy received from {}", envelope.originProvince());
    }
}
