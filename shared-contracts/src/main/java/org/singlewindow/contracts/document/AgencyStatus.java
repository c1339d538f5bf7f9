package org.singlewindow.contracts.document;

/**
 * Processing status of a document at one agency:
 * {@code PENDING → DELIVERED → ACCEPTED | MANUAL_REVIEW | INSPECTION → RELEASED | VERIFIED | REJECTED | CLOSED},
 * or {@code PENDING → SKIPPED} for a follow-up that was never due.
 * Receipts may arrive out of order (an asynchronous receipt can overtake the synchronous answer), so the current
 * status is the receipt with the highest {@link #stage()}, the latest one among equals.
 */
public enum AgencyStatus {
    /** Routed to the agency, not yet delivered. */
    PENDING(0),
    /** The agency's system acknowledged receipt of the message. */
    DELIVERED(1),
    /** Accepted into the agency's system (CEB 120 入库). */
    ACCEPTED(2),
    /** Under manual review (CEB 300 人工审核). */
    MANUAL_REVIEW(2),
    /** Goods selected for inspection (CEB 500 查验). */
    INSPECTION(2),
    /** Final: goods released (CEB 800 放行). */
    RELEASED(3),
    /** Final: licence or document verified by the licensing agency. */
    VERIFIED(3),
    /** Final: rejected (CEB 100 退单). */
    REJECTED(3),
    /** Final: closed (CEB 899 结关). */
    CLOSED(3),
    /**
     * Final: never sent to the agency, because the receipt its follow-up route waited for did not come (e.g. the
     * bank refused a tax payment, so customs is not told of it). Recorded by the central node, not the agency.
     */
    SKIPPED(3);

    private final int stage;

    AgencyStatus(int stage) {
        this.stage = stage;
    }

    /** Ordering stage: 0 routed, 1 delivered, 2 in process, 3 final. */
    public int stage() {
        return stage;
    }

    public boolean isFinal() {
        return stage == 3;
    }
}
