package org.singlewindow.node.province;

import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Inbox;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Province: central stored and routed a declaration; record its agencies and move it to FORWARDED. */
@Component
@ConditionalOnProperty(name = "sw.role", havingValue = "PROVINCIAL", matchIfMissing = true)
public class DispatchNoticeHandler implements InboundHandler {

    private final Inbox inbox;
    private final StatusService status;
    private final EnvelopeCodec codec;

    public DispatchNoticeHandler(Inbox inbox, StatusService status, EnvelopeCodec codec) {
        this.inbox = inbox;
        this.status = status;
        this.codec = codec;
    }

    @Override
    public boolean accepts(Envelope envelope) {
        return envelope.messageType() == MessageType.DISPATCH_NOTICE;
    }

    @Override
    @Transactional
    public void handle(Envelope envelope) {
        if (!inbox.claim(envelope.messageId(), "province-dispatch")) {
            return;
        }
        DispatchNotice notice = codec.payload(envelope, DispatchNotice.class);
        String id = envelope.declarationId();
        notice.agencies().forEach(a -> status.routed(id, a.agency(), a.ruleId()));
        String agencies = String.join(", ", notice.agencies().stream().map(DispatchNotice.RoutedAgency::agency)
                .toList());
        status.hop(id, envelope.sender(), "stored at central, routed to " + agencies, envelope.createdAt());
        status.status(id, OverallStatus.FORWARDED, "routed to " + agencies);
        status.rederive(id);
    }
}
