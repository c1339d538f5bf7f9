package org.singlewindow.central.agency;

import org.apache.camel.Body;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.singlewindow.contracts.exchange.AgencyWork;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers one agency request through that agency's link and records the receipts it answered with. The call
 * is outside any database transaction; a redelivery repeats it with the same message id, and receipts already
 * recorded are ignored.
 */
@Component
public class AgencyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AgencyDispatcher.class);

    private final EnvelopeCodec codec;
    private final ObjectProvider<CustomsLink> customs;
    private final ObjectProvider<MaritimeLink> maritime;
    private final ObjectProvider<BorderInspectionLink> borderInspection;
    private final ObjectProvider<LicensingLink> licensing;
    private final ObjectProvider<OriginCertificationLink> originCertification;
    private final ObjectProvider<TaxLink> tax;
    private final ObjectProvider<ForexLink> forex;
    private final ObjectProvider<BankLink> bank;
    private final ReceiptService receipts;

    public AgencyDispatcher(EnvelopeCodec codec, ObjectProvider<CustomsLink> customs,
                            ObjectProvider<MaritimeLink> maritime, ObjectProvider<BorderInspectionLink> borderInspection,
                            ObjectProvider<LicensingLink> licensing,
                            ObjectProvider<OriginCertificationLink> originCertification, ObjectProvider<TaxLink> tax,
                            ObjectProvider<ForexLink> forex, ObjectProvider<BankLink> bank, ReceiptService receipts) {
        this.codec = codec;
        this.customs = customs;
        this.maritime = maritime;
        this.borderInspection = borderInspection;
        this.licensing = licensing;
        this.originCertification = originCertification;
        this.tax = tax;
        this.forex = forex;
        this.bank = bank;
        this.receipts = receipts;
    }

    public void dispatch(@Body String body) {
        Envelope envelope = codec.read(body);
        try (MDC.MDCCloseable d = MDC.putCloseable("declarationId", envelope.declarationId());
             MDC.MDCCloseable m = MDC.putCloseable("messageId", envelope.messageId())) {
            String agency = Destination.parse(envelope.receiver()).code();
            AgencyWork work = codec.payload(envelope, AgencyWork.class);
            AgencyRequest request = new AgencyRequest(envelope.messageId(), envelope.declarationId(),
                    envelope.documentType(), envelope.originProvince(), work.document(), work.basedOn(),
                    work.documentSignature(), work.submittedBy());
            AgencyAnswer answered = switch (AgencyCode.valueOf(agency)) {
                case GACC -> customs.getObject().declare(request);
                case MSA -> maritime.getObject().reportVoyage(request);
                case NIA -> borderInspection.getObject().reportCrossing(request);
                case MOFCOM -> licensing.getObject().submit(request);
                case CCPIT -> originCertification.getObject().apply(request);
                case STA -> tax.getObject().claimRebate(request);
                case SAFE -> forex.getObject().reportTrade(request);
                case BANK -> bank.getObject().pay(request);
            };
            receipts.record(answered.receipts(), answered.signed());
            log.info("delivered to {}; {} immediate receipt(s)", agency, answered.receipts().size() - 1);
        }
    }
}
