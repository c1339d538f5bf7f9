package org.singlewindow.node.transport;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.refusal.TransientFailure;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.core.JacksonException;

/**
 * Tells a failure that waiting will cure from one that nothing will, by looking through its causes:
 * <ol>
 *   <li>{@link Kind#PERMANENT}: a {@link PermanentFailure}; a {@link Refusal} whose kind does not pass with time (e.g. a
 *   refused signature); JSON that does not parse or bind (reason {@code UNPARSEABLE}); an agency answering 4xx other
 *   than 408, 425 or 429 ({@code AGENCY_REFUSED_<status>}).</li>
 *   <li>{@link Kind#TRANSIENT}: a {@link TransientFailure}; an agency answering 5xx, 408, 425 or 429; I/O (connection
 *   refused or reset, timeouts); a database that is down, locked or timed out; a broker that is unreachable; a
 *   {@link Refusal} that passes with time (throttled, unavailable).</li>
 *   <li>{@link Kind#UNEXPECTED}: anything else (a bug, a constraint violation): retried a few times, then parked.</li>
 * </ol>
 * The first cause that decides wins, outermost first.
 */
public final class Failures {

    /** A failure's text cut to fit a column of {@code max} characters ({@code ...} where cut); null stays null. */
    /**
     * A failure with its causes, for an operator: each as its class and message, outermost first (a wrapper's own
     * message seldom says what went wrong).
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            text.append(depth == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.toString();
    }

    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** What to do with a failed message. */
    public enum Kind {
        /** Park in the dead-letter queue at once. */
        PERMANENT,
        /** Wait: retry with backoff, without limit. */
        TRANSIENT,
        /** Retry a few times, then park. */
        UNEXPECTED
    }

    /** A classification with its reason code. */
    public record Verdict(Kind kind, String reason) {
    }

    private Failures() {
    }

    /** The failure an exchange carries: the one an error handler caught, else the one it holds. */
    public static Throwable of(org.apache.camel.Exchange exchange) {
        Throwable caught = exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught != null ? caught : exchange.getException();
    }

    public static Verdict classify(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            Verdict verdict = decide(t);
            if (verdict != null) {
                return verdict;
            }
        }
        return new Verdict(Kind.UNEXPECTED, "UNEXPECTED_" + (failure == null ? "FAILURE"
                : failure.getClass().getSimpleName()));
    }

    private static Verdict decide(Throwable t) {
        if (t instanceof PermanentFailure p) {
            return new Verdict(Kind.PERMANENT, p.reason());
        }
        if (t instanceof TransientFailure f) {
            return new Verdict(Kind.TRANSIENT, f.reason());
        }
        if (t instanceof Refusal refusal) {
            return new Verdict(refusal.kind().passes() ? Kind.TRANSIENT : Kind.PERMANENT, refusal.code());
        }
        if (t instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            boolean retry = status >= 500 || status == 408 || status == 425 || status == 429;
            return new Verdict(retry ? Kind.TRANSIENT : Kind.PERMANENT, (retry ? "AGENCY_UNAVAILABLE_"
                    : "AGENCY_REFUSED_") + status);
        }
        if (t instanceof JacksonException) {
            return new Verdict(Kind.PERMANENT, "UNPARSEABLE");
        }
        if (t instanceof IOException || t instanceof TimeoutException) {
            return new Verdict(Kind.TRANSIENT, "UNREACHABLE");
        }
        if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransactionSystemException || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException || t instanceof java.sql.SQLNonTransientConnectionException) {
            return new Verdict(Kind.TRANSIENT, "DATABASE_UNAVAILABLE");
        }
        if (t instanceof jakarta.jms.JMSException || t instanceof org.springframework.jms.JmsException) {
            return new Verdict(Kind.TRANSIENT, "BROKER_UNAVAILABLE");
        }
        return null;
    }
}
