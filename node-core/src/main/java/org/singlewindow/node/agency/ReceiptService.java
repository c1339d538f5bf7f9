package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Envelopes;
import org.singlewindow.node.web.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Central: stores agency receipts once and relays each new one to the province the declaration came from.
 * <p>Reply routing order: a receipt goes to the origin province recorded with the declaration when central
 * first stored it (taken from the envelope that brought it); nothing in the receipt itself can redirect it.
 * The relay goes through the outbox to {@code sw.out.province.<origin>} on central's broker, where the province
 * pulls it; if the province is down, the receipt waits there.
 */
@Service
@ConditionalOnProperty(name = "sw.role", havingValue = "CENTRAL")
public class ReceiptService {

    private final DeclarationMapper declarations;
    private final StatusMapper agencies;
    private final StatusService status;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final EnvelopeCodec codec;
    private final QueueNames queues;

    public ReceiptService(DeclarationMapper declarations, StatusMapper agencies, StatusService status, Outbox outbox,
                          Envelopes envelopes, EnvelopeCodec codec, QueueNames queues) {
        this.declarations = declarations;
        this.agencies = agencies;
        this.status = status;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.codec = codec;
        this.queues = queues;
    }

    /** Records receipts in one transaction. */
    @Transactional
    public void recordAll(List<AgencyReceipt> receipts) {
        receipts.forEach(this::record);
    }

    /**
     * Records one receipt.
     *
     * @return false when it was recorded before (same agency and receipt id)
     * @throws ApiException 404 when the declaration is unknown or was not routed to that agency
     */
    @Transactional
    public boolean record(AgencyReceipt receipt) {
        DeclarationRow row = declarations.findById(receipt.declarationId());
        boolean routed = row != null && agencies.agencies(row.id()).stream()
                .anyMatch(a -> a.agency().equals(receipt.agency()));
        if (!routed) {
            throw ApiException.notFound("declaration " + receipt.declarationId() + " at agency " + receipt.agency());
        }
        if (!status.receipt(receipt)) {
            return false;
        }
        outbox.enqueue(queues.outProvince(row.originProvince()), envelopes.create(row.id(),
                MessageType.AGENCY_RECEIPT, DocumentType.valueOf(row.documentType()), "peer:" + row.originProvince(),
                row.originProvince(), codec.tree(receipt)));
        return true;
    }
}
