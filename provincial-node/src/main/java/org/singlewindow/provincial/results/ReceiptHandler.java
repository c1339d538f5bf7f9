package org.singlewindow.provincial.results;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipts;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.stereotype.Component;

/**
 * Province: an agency's receipts, relayed by central, update what the declarant sees. A receipt for a declaration
 * this node does not hold is parked ({@code UNKNOWN_DECLARATION}); one that overtook the dispatch notice is
 * recorded, and counts once the notice says which agencies the declaration went to.
 */
@Component
public class ReceiptHandler implements InboundHandler {

    private final StatusService status;
    private final EnvelopeCodec codec;

    public ReceiptHandler(StatusService status, EnvelopeCodec codec) {
        this.status = status;
        this.codec = codec;
    }

    @Override
    public MessageType messageType() {
        return MessageType.AGENCY_RECEIPT;
    }

    @Override
    public void apply(Envelope envelope) {
        codec.payload(envelope, AgencyReceipts.class).receipts().forEach(status::receipt);
    }
}
