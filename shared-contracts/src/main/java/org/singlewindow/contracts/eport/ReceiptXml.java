package org.singlewindow.contracts.eport;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A declaration's receipts as XML, one {@code DEC_RESULT} per receipt in the E-Port's business-receipt style:
 * {@code CHANNEL} is the agency's result code (CEB codes such as 120 accepted, 300 manual review, 500 inspection,
 * 800 released, 100 rejected, 899 closed), {@code NOTE} its message, {@code NOTICE_DATE} when it decided (ISO
 * 8601, UTC); {@code AGENCY} and {@code STATUS} add which agency and our normalized status.
 */
public final class ReceiptXml {

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    private ReceiptXml() {
    }

    /** One receipt. */
    public record Row(String agency, String status, String code, String message, Instant occurredAt) {
    }

    public static String write(String declarationId, String overallStatus, List<Row> receipts) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("DecResults");
            w.writeDefaultNamespace(DecMessageMapper.DEC_NS);
            leaf(w, "DECLARATION_ID", declarationId);
            leaf(w, "STATUS", overallStatus);
            for (Row r : receipts) {
                w.writeStartElement("DEC_RESULT");
                leaf(w, "AGENCY", r.agency());
                leaf(w, "STATUS", r.status());
                leaf(w, "CHANNEL", r.code());
                leaf(w, "NOTE", r.message());
                leaf(w, "NOTICE_DATE", r.occurredAt() == null ? null : r.occurredAt().toString());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
