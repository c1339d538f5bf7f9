package org.singlewindow.contracts.change;

/** One agency's answer to a change request. */
public enum Decision {
    /** Asked, not answered yet. */
    PENDING,
    /** The agency agrees (approved amendment, confirmed cancellation). */
    APPROVED,
    /** The agency refuses (e.g. customs refuses to cancel a released declaration). */
    REFUSED
}
