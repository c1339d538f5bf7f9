package org.singlewindow.node.agency;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyReceipts;
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

    /**
     * Records one agency's receipts for one declaration in one transaction and relays the new ones to the origin
     * province in one message.
     *
     * @return how many were new (a receipt id recorded before for that agency is ignored)
     * @throws ApiException 404 when the declaration is unknown or was not routed to that agency
     */
    @Transactional
    public int record(List<AgencyReceipt> receipts) {
        if (receipts.isEmpty()) {
            return 0;
        }
        AgencyReceipt first = receipts.get(0);
        DeclarationRow row = declarations.findById(first.declarationId());
        boolean routed = row != null && agencies.agencies(row.id()).stream()
                .anyMatch(a -> a.agency().equals(first.agency()));
        if (!routed) {
            throw ApiException.notFound("declaration " + first.declarationId() + " at agency " + first.agency());
        }
        List<AgencyReceipt> fresh = new ArrayList<>();
        for (AgencyReceipt receipt : receipts) {
            if (status.receipt(receipt)) {
                fresh.add(receipt);
            }
        }
        if (!fresh.isEmpty()) {
            outbox.enqueue(queues.outProvince(row.originProvince()), envelopes.create(row.id(),
                    MessageType.AGENCY_RECEIPT, DocumentType.valueOf(row.documentType()),
                    "peer:" + row.originProvince(), row.originProvince(), codec.tree(new AgencyReceipts(fresh))));
        }
        return fresh.size();
    }
}
