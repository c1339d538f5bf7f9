package org.singlewindow.provincial.results;

import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.node.status.RoutingDecision;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.stereotype.Component;

/** Province: central stored and routed a declaration; record its agencies and move it to FORWARDED. */
@Component
public class DispatchNoticeHandler implements InboundHandler {

    private final StatusService status;
    private final EnvelopeCodec codec;

    public DispatchNoticeHandler(StatusService status, EnvelopeCodec codec) {
        this.status = status;
        this.codec = codec;
    }

    @Override
    public MessageType messageType() {
        return MessageType.DISPATCH_NOTICE;
    }

    @Override
    public void apply(Envelope envelope) {
        DispatchNotice notice = codec.payload(envelope, DispatchNotice.class);
        String id = envelope.declarationId();
        notice.agencies().forEach(a -> status.routed(id, a.agency(), RoutingDecision.named(a.ruleId())));
        String agencies = String.join(", ", notice.agencies().stream().map(DispatchNotice.RoutedAgency::agency)
                .toList());
        status.hop(id, envelope.sender(), "stored at central, routed to " + agencies, envelope.createdAt());
        status.status(id, OverallStatus.FORWARDED, "routed to " + agencies);
        status.rederive(id);
    }
}
