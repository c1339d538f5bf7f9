package org.singlewindow.contracts.eport;

import java.time.Instant;
import java.util.List;

/**
 * A declaration's receipts as XML, one {@code DEC_RESULT} per receipt in the E-Port's business-receipt style:
 * {@code CHANNEL} is the agency's result code (CEB codes such as 120 accepted, 300 manual review, 500 inspection,
 * 800 released, 100 rejected, 899 closed), {@code NOTE} its message, {@code NOTICE_DATE} when it decided (ISO
 * 8601, UTC); {@code AGENCY} and {@code STATUS} add which agency and our normalized status.
 */
public final class ReceiptXml {

    private ReceiptXml() {
    }

    /** One receipt. */
    public record Row(String agency, String status, String code, String message, Instant occurredAt) {
    }

    public static String write(String declarationId, String overallStatus, List<Row> receipts) {
        return XmlOut.document("DecResults", DecMessageMapper.DEC_NS, w -> {
            XmlOut.leaf(w, "DECLARATION_ID", declarationId);
            XmlOut.leaf(w, "STATUS", overallStatus);
            for (Row r : receipts) {
                w.writeStartElement("DEC_RESULT");
                XmlOut.leaf(w, "AGENCY", r.agency());
                XmlOut.leaf(w, "STATUS", r.status());
                XmlOut.leaf(w, "CHANNEL", r.code());
                XmlOut.leaf(w, "NOTE", r.message());
                XmlOut.leaf(w, "NOTICE_DATE", r.occurredAt() == null ? null : r.occurredAt().toString());
                w.writeEndElement();
            }
        });
    }
}
