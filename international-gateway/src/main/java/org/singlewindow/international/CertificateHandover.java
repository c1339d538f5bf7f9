package org.singlewindow.international;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.singlewindow.node.persistence.PeriodicPass;
import org.singlewindow.node.transport.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In: hands each certificate a partner sent (RECEIVED) to GACC ({@link ForeignCertificateLink}) and, in one
 * transaction, records GACC's result with its signature (ANSWERED) and queues it back to the sender as a
 * {@code CertificateResult} in the same conversation. A failure (GACC down, an answer not signed by GACC) leaves
 * the certificate RECEIVED with the error, tried again after {@code sw.as4.retry.first-delay}, doubling to
 * {@code max-delay}, without blocking the certificates behind it; GACC may see a message id twice after a crash
 * between its answer and our commit, never a certificate lost.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class CertificateHandover extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(CertificateHandover.class);

    private final As4MessageMapper messages;
    private final ForeignCertificateLink gacc;
    private final PMode back;
    private final As4Outbox outbox;
    private final As4Properties.Retry retry;
    private final TransactionTemplate tx;
    private final Clock clock;

    CertificateHandover(As4Properties settings, As4MessageMapper messages, ForeignCertificateLink gacc,
                        PModes pmodes, As4Outbox outbox, TransactionTemplate tx, Clock clock) {
        super("as4-handover", settings.handover().interval(), false);
        this.messages = messages;
        this.gacc = gacc;
        this.back = pmodes.outbound(PartnerDocument.RESULT, null).orElseThrow(() ->
                new IllegalStateException("the P-Modes have no OUT P-Mode for RESULT"));
        this.outbox = outbox;
        this.retry = settings.retry();
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    protected void pass() {
        for (As4MessageRow row : messages.received(clock.instant(), 20)) {
            try {
                handOver(row);
            } catch (RuntimeException e) {
                Duration wait = retry.after(row.attempts());
                log.warn("AS4 message {} from {}: handover to GACC failed ({}), again in {}", row.messageId(),
                        row.partner(), e.getMessage(), wait);
                messages.handoverFailed(row.messageId(), clock.instant().plus(wait),
                        Failures.clip(e.getMessage(), 1000), clock.instant());
            }
        }
    }

    private void handOver(As4MessageRow row) {
        ForeignCertificateLink.Result result = gacc.handOver(row);
        String documentId = PartnerPayloads.documentId(PartnerDocument.valueOf(row.document()),
                row.xml().getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            if (messages.answered(row.messageId(), result.status(), result.message(),
                    result.signed() == null ? null : result.signed().content(),
                    result.signed() == null ? null : result.signed().signature(), now) == 1) {
                outbox.queue(row.partner(), back, row.conversationId(), row.messageId(), PartnerPayloads.result(
                        new PartnerPayloads.Result(row.messageId(), documentId, result.status(),
                                result.message())));
            }
        });
        log.info("AS4 message {} from {} handed to GACC: {}", row.messageId(), row.partner(), result.status());
    }
}
