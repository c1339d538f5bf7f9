package org.singlewindow.central.agency;

import java.time.Clock;
import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.signature.AgencySignatures;
import org.springframework.stereotype.Component;

/**
 * Central keeps each agency's signature, and what it signed, with every receipt the signature carried
 * ({@code receipt_signature}), so that a receipt can be shown to be the agency's long after.
 */
@Component
public class ReceiptSignatures {

    private final ReceiptSignatureMapper mapper;
    private final Clock clock;

    public ReceiptSignatures(ReceiptSignatureMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Keeps the signature with each of the agency's new receipts it covers (call inside the recording transaction). */
    public void keep(List<AgencyReceipt> fresh, AgencySignatures.Signed signed) {
        if (signed == null) {
            return;
        }
        for (AgencyReceipt r : fresh) {
            if (r.status() != AgencyStatus.DELIVERED && r.status() != AgencyStatus.SKIPPED) {
                mapper.insert(r.receiptId(), r.agency(), r.declarationId(), signed.content(), signed.signature(),
                        clock.instant());
            }
        }
    }
}
