package org.singlewindow.node.province;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Inbox;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Province: an agency's receipt, relayed by central, updates what the declarant sees. */
@Component
@ConditionalOnProperty(name = "sw.role", havingValue = "PROVINCIAL", matchIfMissing = true)
public class ReceiptHandler implements InboundHandler {

    private final Inbox inbox;
    private final StatusService status;
    private final DeclarationMapper declarations;
    private final EnvelopeCodec codec;

    public ReceiptHandler(Inbox inbox, StatusService status, DeclarationMapper declarations, EnvelopeCodec codec) {
        this.inbox = inbox;
        this.status = status;
        this.declarations = declarations;
        this.codec = codec;
    }

    @Override
    public boolean accepts(Envelope envelope) {
        return envelope.messageType() == MessageType.AGENCY_RECEIPT;
    }

    @Override
    @Transactional
    public void handle(Envelope envelope) {
        if (!inbox.claim(envelope.messageId(), "province-receipt")) {
            return;
        }
        if (declarations.findById(envelope.declarationId()) == null) {
            throw new IllegalStateException("receipt for a declaration this node does not hold");
        }
        status.receipt(codec.payload(envelope, AgencyReceipt.class));
    }
}
