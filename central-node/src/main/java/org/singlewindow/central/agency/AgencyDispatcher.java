package org.singlewindow.central.agency;

import org.apache.camel.Body;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyAttachment;
import org.singlewindow.contracts.exchange.AgencyChange;
import org.singlewindow.node.attachment.AttachmentFiles;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.singlewindow.contracts.exchange.AgencyWork;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Delivers one agency request through that agency's link ({@link AgencyLinks}) and records the receipts it
 * answered with; a change of a document (amendment, cancellation) the same way, recording the agency's decision. The call is outside any database transaction; a redelivery repeats it with the same message id,
 * and receipts already recorded are ignored.
 */
@Component
public class AgencyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AgencyDispatcher.class);

    private final EnvelopeCodec codec;
    private final AgencyLinks links;
    private final ReceiptService receipts;
    private final AgencyChangeAnswers changes;
    private final AttachmentFiles files;

    public AgencyDispatcher(EnvelopeCodec codec, AgencyLinks links, ReceiptService receipts,
                            AgencyChangeAnswers changes, AttachmentFiles files) {
        this.files = files;
        this.changes = changes;
        this.codec = codec;
        this.links = links;
        this.receipts = receipts;
    }

    public void dispatch(@Body String body) {
        Envelope envelope = codec.read(body);
        try (MDC.MDCCloseable d = MDC.putCloseable("declarationId", envelope.declarationId());
             MDC.MDCCloseable m = MDC.putCloseable("messageId", envelope.messageId())) {
            String agency = Destination.parse(envelope.receiver()).code();
            if (envelope.messageType() == MessageType.AGENCY_ATTACHMENT) {
                AgencyAttachment file = codec.payload(envelope, AgencyAttachment.class);
                try (java.io.InputStream content = files.open(file.sm3())) {
                    links.of(agency).deliverFile(envelope.declarationId(), envelope.messageId(), file, content);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                log.info("attachment {} ({}) delivered to {}", file.sm3(), file.code(), agency);
                return;
            }
            if (envelope.messageType() == MessageType.AGENCY_CHANGE) {
                AgencyChange change = codec.payload(envelope, AgencyChange.class)
                        .delivered(envelope.messageId(), envelope.declarationId());
                AgencyDecision decision = links.of(agency).decide(change);
                changes.answered(envelope.declarationId(), change.changeId(), agency, decision);
                log.info("{} of change {} delivered to {}: {}", change.kind(), change.changeId(), agency,
                        decision.decision());
                return;
            }
            AgencyWork work = codec.payload(envelope, AgencyWork.class);
            AgencyRequest request = new AgencyRequest(envelope.messageId(), envelope.declarationId(),
                    envelope.documentType(), envelope.originProvince(), work.document(), work.basedOn(),
                    work.documentSignature(), work.submittedBy());
            AgencyAnswer answered = links.of(agency).deliver(request);
            receipts.record(answered.receipts(), answered.signed());
            log.info("delivered to {}; {} immediate receipt(s)", agency, answered.receipts().size() - 1);
        }
    }
}
