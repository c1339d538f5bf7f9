package org.singlewindow.node.status;

/** Kinds of declaration event. */
public enum EventKind {
    /** The overall status changed. */
    STATUS,
    /** The declaration passed a node or link (timeline of hops). */
    HOP,
    /** An agency's processing result. */
    RECEIPT,
    /**
     * A change request moved: status is its state (REQUESTED, OPEN, APPROVED, REFUSED), code its kind (AMENDMENT,
     * CANCELLATION), the agency set when the event is one agency's answer.
     */
    CHANGE
}
