package org.singlewindow.node.transport;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.refusal.TransientFailure;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void what_can_never_succeed_should_be_permanent_with_its_reason() {
        assertThat(Failures.classify(new PermanentFailure("NO_HANDLER", "x")))
                .isEqualTo(new Failures.Verdict(Failures.Kind.PERMANENT, "NO_HANDLER"));
        assertThat(Failures.classify(wrapped(new Refusal(Refusal.Kind.INVALID, "SIGNATURE_INVALID", "", "", "", ""))))
                .isEqualTo(new Failures.Verdict(Failures.Kind.PERMANENT, "SIGNATURE_INVALID"));
        assertThat(Failures.classify(http(400))).isEqualTo(new Failures.Verdict(Failures.Kind.PERMANENT,
                "AGENCY_REFUSED_400"));
        Exception unparseable;
        try {
            Json.MAPPER.readTree("{not json");
            throw new AssertionError("parsed");
        } catch (RuntimeException e) {
            unparseable = e;
        }
        assertThat(Failures.classify(wrapped(unparseable)).kind()).isEqualTo(Failures.Kind.PERMANENT);
    }

    @Test
    void what_a_wait_cures_should_be_transient() {
        assertThat(Failures.classify(wrapped(new ConnectException("Connection refused"))).kind())
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SocketTimeoutException()).kind()).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(http(503))).isEqualTo(new Failures.Verdict(Failures.Kind.TRANSIENT,
                "AGENCY_UNAVAILABLE_503"));
        assertThat(Failures.classify(http(429)).kind()).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new CannotGetJdbcConnectionException("down")).kind())
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new CannotAcquireLockException("lock timeout")).kind())
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new CannotCreateTransactionException("no connection")).kind())
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new jakarta.jms.JMSException("broker gone")).kind())
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new TransientFailure("CRL_EXPIRED", "x")))
                .isEqualTo(new Failures.Verdict(Failures.Kind.TRANSIENT, "CRL_EXPIRED"));
    }

    @Test
    void anything_else_should_be_unexpected_and_named() {
        assertThat(Failures.classify(new NullPointerException()))
                .isEqualTo(new Failures.Verdict(Failures.Kind.UNEXPECTED, "UNEXPECTED_NullPointerException"));
        assertThat(Failures.classify(new DataIntegrityViolationException("dup")).kind())
                .isEqualTo(Failures.Kind.UNEXPECTED);
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://ministry", status, "status " + status, null, null, null);
    }

    private static Exception wrapped(Exception cause) {
        return new CamelExecutionException("failed", null, new IllegalStateException("call failed", cause));
    }
}
