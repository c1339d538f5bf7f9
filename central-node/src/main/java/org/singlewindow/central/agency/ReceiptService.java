package org.singlewindow.central.agency;

import org.singlewindow.node.signature.AgencySignatures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyReceipts;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.declaration.ReceiptsRecorded;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.routing.Destination;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Central: stores agency receipts once and relays each new one to the province the declaration came from.
 * <p>Reply routing order: a receipt goes to the origin province recorded with the declaration when central
 * first stored it (taken from the envelope that brought it); nothing in the receipt itself can redirect it.
 * The relay goes through the outbox to {@code province:<origin>} ({@code sw.out.province.<origin>} on central's
 * broker), where the province pulls it; if the province is down, the receipt waits there.
 * <p>Follow-ups: when a new receipt is the one a follow-up waits for, as decided when the declaration was routed
 * (e.g. the bank's VERIFIED for a tax payment), the follow-up request goes out carrying it, in the same
 * transaction. When the awaited agency ends with another final status instead, the follow-up is recorded as
 * SKIPPED, so the declaration still ends. A cancelled declaration sends no follow-up; an amended one sends its
 * current version.
 * <p>New receipts are published as {@link ReceiptsRecorded} in the same transaction (the international gateway sends
 * an approved certificate of origin abroad that way).
 */
@Service
public class ReceiptService {

    private final DeclarationMapper declarations;
    private final StatusMapper agencies;
    private final StatusService status;
    private final Outbox outbox;
    private final AgencyRequests requests;
    private final Clock clock;
    private final ChangeStore changes;
    private final ReceiptSignatures receiptSignatures;
    private final ApplicationEventPublisher events;

    public ReceiptService(DeclarationMapper declarations, StatusMapper agencies, StatusService status, Outbox outbox,
                          AgencyRequests requests, Clock clock, ChangeStore changes,
                          ReceiptSignatures receiptSignatures, ApplicationEventPublisher events) {
        this.declarations = declarations;
        this.agencies = agencies;
        this.status = status;
        this.outbox = outbox;
        this.requests = requests;
        this.clock = clock;
        this.changes = changes;
        this.receiptSignatures = receiptSignatures;
        this.events = events;
    }

    /**
     * Records one agency's receipts for one declaration in one transaction, with the agency's signature of them,
     * and relays the new ones to the origin province in one message.
     *
     * @return how many were new (a receipt id recorded before for that agency is ignored)
     * @throws Refusal 404 when the declaration is unknown or was not routed to that agency
     */
    @Transactional
    public int record(List<AgencyReceipt> receipts, AgencySignatures.Signed signed) {
        if (receipts.isEmpty()) {
            return 0;
        }
        AgencyReceipt first = receipts.get(0);
        DeclarationRow row = declarations.findById(first.declarationId());
        boolean routed = row != null && agencies.agencies(row.id()).stream()
                .anyMatch(a -> a.agency().equals(first.agency()));
        if (!routed) {
            throw Refusal.notFound("declaration " + first.declarationId() + " at agency " + first.agency());
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
            outbox.send(Destination.province(row.originProvince()), MessageType.AGENCY_RECEIPT,
                    new Outbox.About(row.id(), DocumentType.valueOf(row.documentType()), row.originProvince()),
                    new AgencyReceipts(fresh));
            events.publishEvent(new ReceiptsRecorded(row, List.copyOf(fresh)));
        }
        return fresh.size();
    }

    /** Sends the follow-ups the new receipts make due ({@link FollowUps}); returns the SKIPPED receipts. */
    private List<AgencyReceipt> followUps(DeclarationRow row, List<AgencyReceipt> fresh) {
        if (OverallStatus.valueOf(declarations.findById(row.id()).status()) == OverallStatus.CANCELLED) {
            return List.of(); // withdrawn: nothing more goes out
        }
        List<FollowUps.Due> due = FollowUps.due(agencies.agencies(row.id()), fresh);
        List<AgencyReceipt> skipped = new ArrayList<>();
        for (FollowUps.Due followUp : due) {
            AgencyReceipt awaited = followUp.awaited();
            if (followUp.send()) {
                requests.send(row.id(), DocumentType.valueOf(row.documentType()), row.originProvince(),
                        Json.MAPPER.readTree(row.document()), followUp.decision().route(followUp.agency()),
                        List.of(awaited), changes.currentSignature(row.id()), row.submittedBy());
                continue;
            }
            AgencyReceipt skip = new AgencyReceipt(row.id() + ":" + followUp.agency() + ":SKIPPED", row.id(),
                    followUp.agency(), AgencyStatus.SKIPPED, null, "not sent: " + awaited.agency() + " reported "
                    + awaited.status() + " (未发送：" + awaited.agency() + " 回执为 " + awaited.status() + ")",
                    clock.instant());
            if (status.receipt(skip)) {
                skipped.add(skip);
            }
        }
        return skipped;
    }
}
