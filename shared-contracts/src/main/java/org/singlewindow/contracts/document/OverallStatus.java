package org.singlewindow.contracts.document;

import java.util.Collection;

/**
 * Overall status of a declaration as the declarant sees it:
 * {@code RECEIVED → FORWARDED → PROCESSING → COMPLETED | REJECTED | CANCELLED}. CANCELLED comes only from an
 * approved cancellation, never from the agencies' statuses.
 */
public enum OverallStatus {
    /** Validated and stored by the provincial node; queued for the central node. */
    RECEIVED,
    /** The central node stored it and routed it to its agencies. */
    FORWARDED,
    /** At least one agency has acknowledged or answered; not all are final. */
    PROCESSING,
    /** Final: every agency is final and none rejected. */
    COMPLETED,
    /** Final: every agency is final and at least one rejected. */
    REJECTED,
    /** Final: withdrawn by the declarant (撤销), before dispatch or with the involved agencies' consent. */
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED;
    }

    /**
     * Derives the overall status once the declaration has been routed.
     *
     * @param agencyStatuses current status of every agency the declaration was routed to
     */
    public static OverallStatus fromAgencies(Collection<AgencyStatus> agencyStatuses) {
        if (agencyStatuses.isEmpty()) {
            return FORWARDED;
        }
        boolean allFinal = agencyStatuses.stream().allMatch(AgencyStatus::isFinal);
        if (allFinal) {
            return agencyStatuses.contains(AgencyStatus.REJECTED) ? REJECTED : COMPLETED;
        }
        boolean anyMoved = agencyStatuses.stream().anyMatch(s -> s != AgencyStatus.PENDING);
        return anyMoved ? PROCESSING : FORWARDED;
    }
}
