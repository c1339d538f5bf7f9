package org.singlewindow.node.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.persistence.AfterCommit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events and keeps the status projections in step, inside the caller's transaction. Every change to a
 * declaration first locks its row ({@link StatusMapper#lockStatus}), so the changes to one declaration are
 * applied one at a time in whatever order and concurrency they arrive: receipts before the dispatch notice,
 * duplicates, replays and two agencies' final receipts at once. The projections are monotonic: an agency's status
 * only moves to a later stage (the first final one stays), the overall status only moves forward and never leaves
 * a final status, and it is derived from the agencies only once the routing is known (FORWARDED or later), so a
 * receipt that overtook the dispatch notice cannot complete a declaration whose other agencies are not known yet.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class StatusService {

    /** Rule id of an agency row created by a receipt that arrived before the routing (named by the notice later). */
    static final String RULE_NOT_YET_KNOWN = "?";

    private final StatusMapper events;
    private final SseHub hub;
    private final AuditLog audit;
    private final NodeProperties node;
    private final Clock clock;
    private final ObjectProvider<EventObserver> observers;

    public StatusService(StatusMapper events, SseHub hub, AuditLog audit, NodeProperties node, Clock clock,
                         ObjectProvider<EventObserver> observers) {
        this.observers = observers;
        this.audit = audit;
        this.events = events;
        this.hub = hub;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Locks the declaration's row until the transaction ends and returns its current status.
     *
     * @throws UnknownDeclarationException when this node holds no such declaration
     */
    public OverallStatus lock(String declarationId) {
        String current = events.lockStatus(declarationId);
        if (current == null) {
            throw new UnknownDeclarationException(declarationId);
        }
        return OverallStatus.valueOf(current);
    }

    /** Appends a hop to the timeline. */
    public void hop(String declarationId, String node, String detail, Instant at) {
        append(new EventRow(null, declarationId, EventKind.HOP.name(), node, null, null, null, detail, null, at,
                clock.instant()));
    }

    /**
     * Appends a change request's step to the timeline (its state, or one agency's answer), once per {@code key}.
     *
     * @param agency the agency that answered; null for the request's own state
     */
    public void change(String declarationId, String kind, String state, String agency, String detail, String key) {
        lock(declarationId);
        if (!events.eventsWithKey(key).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        append(new EventRow(null, declarationId, EventKind.CHANGE.name(), node.code(), agency, state, kind, detail,
                key, now, now));
    }

    /** Records the status a declaration was stored with. */
    public void started(String declarationId, OverallStatus initial) {
        Instant now = clock.instant();
        append(new EventRow(null, declarationId, EventKind.STATUS.name(), node.code(), null, initial.name(), null,
                null, null, now, now));
    }

    /**
     * Moves the overall status forward (FORWARDED once routed) and records the change; a status that is not later
     * than the current one, or any change after a final status, is ignored.
     */
    public void status(String declarationId, OverallStatus status, String detail) {
        advance(declarationId, lock(declarationId), status, detail);
    }

    private void advance(String declarationId, OverallStatus current, OverallStatus next, String detail) {
        if (current.isFinal() || next.ordinal() <= current.ordinal()) {
            return;
        }
        Instant now = clock.instant();
        if (events.updateStatus(declarationId, next.name(), now) > 0) {
            append(new EventRow(null, declarationId, EventKind.STATUS.name(), node.code(), null, next.name(),
                    null, detail, null, now, now));
        }
    }

    /**
     * Records that the declaration was routed to an agency, which starts PENDING, with the decision that sent it
     * there. Idempotent: an agency already known (a receipt came first) keeps its status and gets the decision.
     */
    public void routed(String declarationId, String agency, RoutingDecision decision) {
        lock(declarationId);
        String rule = events.agencyRule(declarationId, agency);
        if (rule == null) {
            events.insertAgency(AgencyRow.pending(declarationId, agency, decision, AgencyStatus.PENDING.name(),
                    AgencyStatus.PENDING.stage(), clock.instant()));
        } else if (RULE_NOT_YET_KNOWN.equals(rule)) {
            events.decideAgency(declarationId, agency, decision, decision.grantJson());
        }
    }

    /**
     * Records an agency receipt once (a receipt id seen before is ignored), advances the agency's status and
     * re-derives the overall status.
     *
     * @return false when the receipt was a duplicate
     * @throws UnknownDeclarationException when this node holds no such declaration
     */
    public boolean receipt(AgencyReceipt receipt) {
        OverallStatus current = lock(receipt.declarationId());
        String key = "receipt:" + receipt.agency() + ":" + receipt.receiptId();
        if (!events.eventsWithKey(key).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        append(new EventRow(null, receipt.declarationId(), EventKind.RECEIPT.name(), node.code(), receipt.agency(),
                receipt.status().name(), receipt.code(), receipt.message(), key,
                receipt.occurredAt() == null ? now : receipt.occurredAt(), now));
        if (events.agencyRule(receipt.declarationId(), receipt.agency()) == null) {
            events.insertAgency(AgencyRow.pending(receipt.declarationId(), receipt.agency(),
                    RoutingDecision.named(RULE_NOT_YET_KNOWN), AgencyStatus.PENDING.name(),
                    AgencyStatus.PENDING.stage(), now));
        }
        events.advanceAgency(receipt.declarationId(), receipt.agency(), receipt.status().name(),
                receipt.status().stage(), now);
        audit.record("agency:" + receipt.agency(), "RECEIPT", receipt.declarationId(),
                receipt.status() + (receipt.code() == null ? "" : " " + receipt.code()));
        rederive(receipt.declarationId(), current);
        return true;
    }

    /** Re-derives the overall status from the agencies' statuses, once the routing is known. */
    public void rederive(String declarationId) {
        rederive(declarationId, lock(declarationId));
    }

    /** The same, with the declaration locked and its {@code current} status read. */
    private void rederive(String declarationId, OverallStatus current) {
        if (current.ordinal() < OverallStatus.FORWARDED.ordinal()) {
            return;
        }
        List<AgencyStatus> agencies = events.agencies(declarationId).stream()
                .map(a -> AgencyStatus.valueOf(a.status())).toList();
        advance(declarationId, current, OverallStatus.fromAgencies(agencies), null);
    }

    private void append(EventRow event) {
        events.insertEvent(event);
        observers.orderedStream().forEach(o -> o.appended(event));
        String declarationId = event.declarationId();
        AfterCommit.collect("sse", declarationId, hub::changed);
    }
}
