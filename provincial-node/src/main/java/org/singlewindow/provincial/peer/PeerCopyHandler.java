package org.singlewindow.provincial.peer;

import java.time.Clock;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.PeerCopy;
import org.singlewindow.node.retention.Retention;
import org.singlewindow.node.retention.RetentionProperties;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A peer province sent a copy of a declaration whose port is here: kept for local services, and pruned after
 * {@code sw.retention.peer-copies}.
 */
@Component
public class PeerCopyHandler implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(PeerCopyHandler.class);

    private final PeerCopyMapper copies;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public PeerCopyHandler(PeerCopyMapper copies, EnvelopeCodec codec, Clock clock, Retention retention,
                           RetentionProperties keep) {
        retention.register("peer_copy", keep.peerCopies(), copies::deleteReceivedBefore);
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
