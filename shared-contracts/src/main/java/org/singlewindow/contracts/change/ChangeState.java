package org.singlewindow.contracts.change;

/**
 * Where a change request stands: {@code REQUESTED → OPEN → APPROVED | REFUSED}, or straight to a final state when
 * nobody needs to be asked (a cancellation before central dispatched the document) or when central finds the
 * request no longer allowed. A state never moves back; the first final state stays.
 */
public enum ChangeState {
    /** Taken by the province, on its way to central. */
    REQUESTED,
    /** Central sent it to the agencies involved and waits for their answers. */
    OPEN,
    /** Final: in effect (the new version is current, or the document is cancelled). */
    APPROVED,
    /** Final: not in effect; the document stays as it was, with the refusal shown. */
    REFUSED;

    public boolean isFinal() {
        return this == APPROVED || this == REFUSED;
    }
}
