package org.singlewindow.node.refusal;

/**
 * A condition that passes by itself or by an operator's fix elsewhere (e.g. no CRL in force until the CA publishes
 * a new one): the message waits, retried with backoff without limit, and is never dead-lettered for it.
 */
public class TransientFailure extends RuntimeException {

    private final String reason;

    public TransientFailure(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
