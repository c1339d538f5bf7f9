package org.singlewindow.contracts.eport;

import java.time.Instant;
import java.util.List;

/**
 * A declaration's receipts as XML, one {@code DEC_RESULT} per receipt in the E-Port's business-receipt layout as public
 * material names it ({@code ../shared/reference/eport-messages.md}): {@code CUS_CIQ_NO} the E-Port sequence number,
 * {@code ENTRY_ID} the customs entry number, {@code CUSTOM_MASTER} the declaration customs, {@code I_E_DATE} the date
 * of import or export (YYYYMMDD), {@code D_DATE} when it was declared, each when the declaration has it;
 * {@code CHANNEL} the agency's result code (CEB codes such as 120 accepted, 300 manual review, 500 inspection,
 * 800 released, 100 rejected, 899 closed), {@code NOTE} its message, {@code NOTICE_DATE} when it decided (ISO 8601,
 * UTC); {@code AGENCY} and {@code STATUS} add which agency and our normalized status.
 */
public final class ReceiptXml {

    private ReceiptXml() {
    }

    /** What every receipt of a declaration repeats about it (null where the declaration has none). */
    public record Declaration(String id, String overallStatus, String seqNo, String entryId, String customMaster,
                              String ieDate, Instant declaredAt) {
    }

    /** One receipt. */
    public record Row(String agency, String status, String code, String message, Instant occurredAt) {
    }

    /**
     * The import acknowledgement ({@code DecImportResponse}) the E-Port gives declarant software when it takes a
     * {@code DecMessage}: {@code ResponseCode} 0 taken, {@code ErrorMessage} what happened, {@code ClientSeqNo} the
     * client's number echoed, {@code SeqNo} the number the declaration now goes by (our declaration id).
     * Refusals stay RFC 9457 problems: they name the offending field, which this layout cannot.
     */
    public static String importResponse(String clientSeqNo, String declarationId, boolean created) {
        return XmlOut.document("DecImportResponse", DecMessageMapper.DEC_NS, w -> {
            XmlOut.leaf(w, "ResponseCode", "0");
            XmlOut.leaf(w, "ErrorMessage", created ? "导入成功 accepted" : "重复报文，已按原申报处理 duplicate of an accepted declaration");
            XmlOut.leaf(w, "ClientSeqNo", clientSeqNo);
            XmlOut.leaf(w, "SeqNo", declarationId);
        });
    }

    public static String write(Declaration d, List<Row> receipts) {
        return XmlOut.document("DecResults", DecMessageMapper.DEC_NS, w -> {
            XmlOut.leaf(w, "DECLARATION_ID", d.id());
            XmlOut.leaf(w, "STATUS", d.overallStatus());
            for (Row r : receipts) {
                w.writeStartElement("DEC_RESULT");
                XmlOut.leaf(w, "CUS_CIQ_NO", d.seqNo());
                XmlOut.leaf(w, "ENTRY_ID", d.entryId());
                XmlOut.leaf(w, "CUSTOM_MASTER", d.customMaster());
                XmlOut.leaf(w, "I_E_DATE", d.ieDate() == null ? null : DecMessageMapper.xmlValue("IEDate", d.ieDate()));
                XmlOut.leaf(w, "D_DATE", d.declaredAt() == null ? null : d.declaredAt().toString());
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
