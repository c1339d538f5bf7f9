package org.singlewindow.central.international;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.singlewindow.node.persistence.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In: hands each certificate a partner sent (RECEIVED) to GACC ({@link ForeignCertificateLink}) and, in one
 * transaction, records GACC's result (ANSWERED) and queues it back to the sender as a {@code CertificateResult} in
 * the same conversation. A failure leaves the certificate RECEIVED for the next pass; GACC may see a message id twice
 * after a crash between its answer and our commit, never a certificate lost.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class CertificateHandover extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(CertificateHandover.class);

    private final As4MessageMapper messages;
    private final ForeignCertificateLink gacc;
    private final PMode back;
    private final As4Outbox outbox;
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
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    protected void pass() {
        for (As4MessageRow row : messages.received(20)) {
            ForeignCertificateLink.Result result = gacc.handOver(row);
            String documentId = PartnerPayloads.documentId(PartnerDocument.valueOf(row.document()),
                    row.payload().getBytes(StandardCharsets.UTF_8));
            Instant now = clock.instant();
            tx.executeWithoutResult(s -> {
                if (messages.answered(row.messageId(), result.status(), result.message(), now) == 1) {
                    outbox.queue(row.partner(), back, row.conversationId(), row.messageId(), PartnerPayloads.result(
                            new PartnerPayloads.Result(row.messageId(), documentId, result.status(),
                                    result.message())));
                }
            });
            log.info("AS4 message {} from {} handed to GACC: {}", row.messageId(), row.partner(), result.status());
        }
    }
}
