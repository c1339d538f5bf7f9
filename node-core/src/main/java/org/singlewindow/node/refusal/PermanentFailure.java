package org.singlewindow.node.refusal;

/**
 * A message that can never succeed, whatever is retried: unparseable, a refused signature, no handler for it, a
 * rule error, an agency's permanent refusal. The shared error policy parks it in its queue's dead-letter queue at
 * once, with {@link #reason()}; it is never retried.
 */
public class PermanentFailure extends RuntimeException {

    private final String reason;

    public PermanentFailure(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public PermanentFailure(String reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** A short, stable reason code (upper case, e.g. {@code SIGNATURE_INVALID}). */
    public String reason() {
        return reason;
    }
}
