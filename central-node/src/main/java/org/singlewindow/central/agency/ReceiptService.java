package org.singlewindow.central.agency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyReceipts;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.ReceiptSignatures;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Envelopes;
import org.singlewindow.node.web.ApiException;
import org.singlewindow.routing.Route;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Central: stores agency receipts once and relays each new one to the province the declaration came from.
 * <p>Reply routing order: a receipt goes to the origin province recorded with the declaration when central
 * first stored it (taken from the envelope that brought it); nothing in the receipt itself can redirect it.
 * The relay goes through the outbox to {@code sw.out.province.<origin>} on central's broker, where the province
 * pulls it; if the province is down, the receipt waits there.
 * <p>Follow-ups: when a new receipt is the one a follow-up route waits for (e.g. the bank's VERIFIED for a tax
 * payment), the follow-up request goes out carrying it, in the same transaction. When the awaited agency ends
 * with another final status instead, the follow-up is recorded as SKIPPED, so the declaration still ends.
 */
@Service
public class ReceiptService {

    private final DeclarationMapper declarations;
    private final StatusMapper agencies;
    private final StatusService status;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final EnvelopeCodec codec;
    private final QueueNames queues;
    private final RoutingService routing;
    private final AgencyRequests requests;
    private final Clock clock;
    private final DocumentSignatures signatures;
    private final ReceiptSignatures receiptSignatures;

    public ReceiptService(DeclarationMapper declarations, StatusMapper agencies, StatusService status, Outbox outbox,
                          Envelopes envelopes, EnvelopeCodec codec, QueueNames queues, RoutingService routing,
                          AgencyRequests requests, Clock clock, DocumentSignatures signatures,
                          ReceiptSignatures receiptSignatures) {
        this.receiptSignatures = receiptSignatures;
        this.signatures = signatures;
        this.declarations = declarations;
        this.agencies = agencies;
        this.status = status;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.codec = codec;
        this.queues = queues;
        this.routing = routing;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Records one agency's receipts for one declaration in one transaction, with the agency's signature of them,
     * and relays the new ones to the origin province in one message.
     *
     * @return how many were new (a receipt id recorded before for that agency is ignored)
     * @throws ApiException 404 when the declaration is unknown or was not routed to that agency
     */
    @Transactional
    public int record(List<AgencyReceipt> receipts, ReceiptSignatures.Signed signed) {
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
        receiptSignatures.keep(fresh, signed);
        fresh.addAll(followUps(row, fresh));
        if (!fresh.isEmpty()) {
            outbox.enqueue(queues.outProvince(row.originProvince()), envelopes.create(row.id(),
                    MessageType.AGENCY_RECEIPT, DocumentType.valueOf(row.documentType()),
                    "peer:" + row.originProvince(), row.originProvince(), codec.tree(new AgencyReceipts(fresh))));
        }
        return fresh.size();
    }

    /** Sends the follow-ups the new receipts trigger; returns the SKIPPED receipts of those never due. */
    private List<AgencyReceipt> followUps(DeclarationRow row, List<AgencyReceipt> fresh) {
        List<AgencyReceipt> finals = fresh.stream().filter(r -> r.status().isFinal()).toList();
        if (finals.isEmpty()) {
            return List.of();
        }
        DocumentType type = DocumentType.valueOf(row.documentType());
        JsonNode document = Json.MAPPER.readTree(row.document());
        List<AgencyReceipt> skipped = new ArrayList<>();
        for (Route route : routing.routes(type, document)) {
            if (!route.followUp()) {
                continue;
            }
            for (AgencyReceipt awaited : finals) {
                if (!awaited.agency().equals(route.after().agency())) {
                    continue;
                }
                if (awaited.status().name().equals(route.after().status())) {
                    requests.send(row.id(), type, row.originProvince(), document, route, List.of(awaited),
                            signatures.signatureOf(row.id()), row.submittedBy());
                } else {
                    AgencyReceipt skip = new AgencyReceipt(row.id() + ":" + route.destination().code() + ":SKIPPED",
                            row.id(), route.destination().code(), AgencyStatus.SKIPPED, null, "not sent: "
                            + awaited.agency() + " reported " + awaited.status() + " (未发送：" + awaited.agency()
                            + " 回执为 " + awaited.status() + ")", clock.instant());
                    if (status.receipt(skip)) {
                        skipped.add(skip);
                    }
                }
            }
        }
        return skipped;
    }
}
