package org.singlewindow.node.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.persistence.AfterCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events and keeps the status projections in step, inside the caller's transaction. The overall
 * status only moves forward and a final status is never left.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class StatusService {

    private final StatusMapper events;
    private final DeclarationMapper declarations;
    private final SseHub hub;
    private final AuditLog audit;
    private final NodeProperties node;
    private final Clock clock;

    public StatusService(StatusMapper events, DeclarationMapper declarations, SseHub hub, AuditLog audit,
                         NodeProperties node, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.declarations = declarations;
        this.hub = hub;
        this.node = node;
        this.clock = clock;
    }

    /** Appends a hop to the timeline. */
    public void hop(String declarationId, String node, String detail, Instant at) {
        append(new EventRow(null, declarationId, EventKind.HOP.name(), node, null, null, null, detail, null, at,
                clock.instant()));
    }

    /** Records the status a declaration was stored with. */
    public void started(String declarationId, OverallStatus initial) {
        Instant now = clock.instant();
        append(new EventRow(null, declarationId, EventKind.STATUS.name(), node.code(), null, initial.name(), null,
                null, null, now, now));
    }

    /** Sets the overall status directly (RECEIVED at intake, FORWARDED once routed) and records the change. */
    public void status(String declarationId, OverallStatus status, String detail) {
        Instant now = clock.instant();
        if (declarations.updateStatus(declarationId, status.name(), now) > 0) {
            append(new EventRow(null, declarationId, EventKind.STATUS.name(), node.code(), null, status.name(),
                    null, detail, null, now, now));
        }
    }

    /** Records that the declaration was routed to an agency, which starts PENDING. */
    public void routed(String declarationId, String agency, String ruleId) {
        events.insertAgency(new AgencyRow(declarationId, agency, ruleId, AgencyStatus.PENDING.name(),
                AgencyStatus.PENDING.stage(), clock.instant()));
    }

    /**
     * Records an agency receipt once (a receipt id seen before is ignored), advances the agency's status and
     * re-derives the overall status.
     *
     * @return false when the receipt was a duplicate
     */
    public boolean receipt(AgencyReceipt receipt) {
        String key = "receipt:" + receipt.agency() + ":" + receipt.receiptId();
        if (!events.eventsWithKey(key).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        append(new EventRow(null, receipt.declarationId(), EventKind.RECEIPT.name(), node.code(), receipt.agency(),
                receipt.status().name(), receipt.code(), receipt.message(), key,
                receipt.occurredAt() == null ? now : receipt.occurredAt(), now));
        events.advanceAgency(receipt.declarationId(), receipt.agency(), receipt.status().name(),
                receipt.status().stage(), now);
        audit.record("agency:" + receipt.agency(), "RECEIPT", receipt.declarationId(),
                receipt.status() + (receipt.code() == null ? "" : " " + receipt.code()));
        rederive(receipt.declarationId());
        return true;
    }

    /** Re-derives the overall status from the agencies' statuses. */
    public void rederive(String declarationId) {
        List<AgencyStatus> agencies = events.agencies(declarationId).stream()
                .map(a -> AgencyStatus.valueOf(a.status())).toList();
        OverallStatus current = OverallStatus.valueOf(declarations.findById(declarationId).status());
        OverallStatus derived = OverallStatus.fromAgencies(agencies);
        if (!current.isFinal() && derived.ordinal() > current.ordinal()) {
            status(declarationId, derived, null);
        }
    }

    private void append(EventRow event) {
        events.insertEvent(event);
        String declarationId = event.declarationId();
        AfterCommit.once("sse:" + declarationId, () -> hub.changed(declarationId));
    }
}
