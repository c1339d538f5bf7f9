package org.singlewindow.international;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The business documents that travel, written and read: a certificate of origin as a UBL 2.3
 * {@code CertificateOfOrigin} (the elements we fill: README), an ePhyto as a UN/CEFACT {@code SPSCertificate} (read
 * only: its {@code SPSExchangedDocument/ID}), and an agency's result as our {@code CertificateResult}. Payloads travel
 * gzip-compressed (the AS4 profile's compression).
 */
final class PartnerPayloads {

    static final String UBL_COO_NS = "urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2";
    static final String CAC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String SPS_NS = "urn:un:unece:uncefact:data:standard:SPSCertificate:17";
    static final String RAM_NS =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21";
    static final String RESULT_NS = "urn:singlewindow:international:result:1";

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    private PartnerPayloads() {
    }

    /** An agency's result for a document received. */
    record Result(String refToMessageId, String documentId, String status, String message) {
    }

    /** A certificate of origin the issuing agency approved, for the importing country's window. */
    static String certificateOfOrigin(String declarationId, JsonNode document, LocalDate issued) {
        JsonNode data = document.path("data");
        return write(w -> {
            w.writeStartElement("CertificateOfOrigin");
            w.writeDefaultNamespace(UBL_COO_NS);
            w.writeNamespace("cac", CAC_NS);
            w.writeNamespace("cbc", CBC_NS);
            cbc(w, "UBLVersionID", "2.3");
            cbc(w, "CustomizationID", "urn:singlewindow:eco:" + data.path("certificateType").asString().toLowerCase());
            cbc(w, "ID", declarationId);
            cbc(w, "IssueDate", issued.toString());
            cbc(w, "Description", data.path("certificateType").asString());
            cbc(w, "Note", data.path("remarks").asString(""));
            w.writeStartElement("cac", "ExporterParty", CAC_NS);
            w.writeStartElement("cac", "PartyIdentification", CAC_NS);
            cbc(w, "ID", document.path("declarant").path("uscc").asString());
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("cac", "ImporterParty", CAC_NS);
            w.writeStartElement("cac", "PartyName", CAC_NS);
            cbc(w, "Name", data.path("consignee").path("name").asString());
            w.writeEndElement();
            w.writeStartElement("cac", "PostalAddress", CAC_NS);
            w.writeStartElement("cac", "Country", CAC_NS);
            cbc(w, "IdentificationCode", data.path("consignee").path("country").asString());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("cac", "Shipment", CAC_NS);
            cbc(w, "ID", data.path("invoiceNo").asString());
            for (JsonNode item : data.path("items")) {
                w.writeStartElement("cac", "GoodsItem", CAC_NS);
                cbc(w, "ID", item.path("seq").asString());
                cbc(w, "Description", item.path("name").asString());
                w.writeStartElement("cbc", "Quantity", CBC_NS);
                w.writeAttribute("unitCode", item.path("unit").asString());
                w.writeCharacters(item.path("quantity").asString());
                w.writeEndElement();
                w.writeStartElement("cbc", "ValueAmount", CBC_NS);
                w.writeAttribute("currencyID", data.path("currency").asString());
                w.writeCharacters(item.path("totalPrice").decimalValue().toPlainString());
                w.writeEndElement();
                cbc(w, "PreferenceCriterionCode", item.path("originCriterion").asString(""));
                w.writeStartElement("cac", "CommodityClassification", CAC_NS);
                cbc(w, "ItemClassificationCode", item.path("hsCode").asString());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeStartElement("cac", "ExportCountry", CAC_NS);
            cbc(w, "IdentificationCode", "CHN");
            w.writeEndElement();
            w.writeStartElement("cac", "ImportCountry", CAC_NS);
            cbc(w, "IdentificationCode", data.path("importingCountry").asString());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** Our result document for a message received. */
    static String result(Result r) {
        return write(w -> {
            w.writeStartElement("CertificateResult");
            w.writeDefaultNamespace(RESULT_NS);
            leaf(w, "RefToMessageId", r.refToMessageId());
            leaf(w, "DocumentId", r.documentId());
            leaf(w, "Status", r.status());
            leaf(w, "Message", r.message());
            w.writeEndElement();
        });
    }

    /**
     * The id of a received document of the kind its P-Mode says, refusing one that is not that document
     * ({@code EBMS:0004}: the gateway hands over nothing it cannot name).
     */
    static String documentId(PartnerDocument kind, byte[] xml) {
        Element root = Ebms.parse(xml, "EBMS:0004", "Other", "the payload is not XML").getDocumentElement();
        String id = switch (kind) {
            case CERTIFICATE_OF_ORIGIN -> is(root, UBL_COO_NS, "CertificateOfOrigin")
                    ? Ebms.first(root, CBC_NS, "ID").map(Element::getTextContent).orElse(null) : null;
            case SPS_CERTIFICATE -> is(root, SPS_NS, "SPSCertificate")
                    ? Ebms.first(root, SPS_NS, "SPSExchangedDocument").flatMap(d -> Ebms.first(d, RAM_NS, "ID"))
                    .map(Element::getTextContent).orElse(null) : null;
            case RESULT -> is(root, RESULT_NS, "CertificateResult")
                    ? Ebms.first(root, RESULT_NS, "RefToMessageId").map(Element::getTextContent).orElse(null) : null;
        };
        if (id == null || id.isBlank()) {
            throw new As4Refusal("EBMS:0004", "Other", "the payload is not a " + kind + " with an id");
        }
        return id.trim();
    }

    static Result readResult(byte[] xml) {
        Document doc = Ebms.parse(xml, "EBMS:0004", "Other", "the payload is not XML");
        Element root = doc.getDocumentElement();
        return new Result(text(root, "RefToMessageId"), text(root, "DocumentId"), text(root, "Status"),
                text(root, "Message"));
    }

    static byte[] gzip(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A payload as its {@code eb:PartInfo} declares it: gunzipped when its {@code CompressionType} is
     * {@code application/gzip}, taken as it is when none is declared, and another compression refused
     * ({@code EBMS:0303}). The P-Modes carry XML documents: a payload declared as another type breaks its P-Mode
     * ({@code EBMS:0010}).
     */
    static byte[] payload(Ebms.Part part, byte[] bytes) {
        String mime = part.mimeType() == null ? null : part.mimeType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (mime != null && !mime.equals("application/xml") && !mime.equals("text/xml")) {
            throw new As4Refusal("EBMS:0010", "ProcessingModeMismatch", "the P-Mode carries an XML document, not "
                    + part.mimeType());
        }
        if (part.compressionType() == null) {
            return bytes;
        }
        if (!part.compressionType().equalsIgnoreCase("application/gzip")) {
            throw new As4Refusal("EBMS:0303", "DecompressionFailure", "compression " + part.compressionType()
                    + " is not supported (application/gzip is)");
        }
        return gunzip(bytes);
    }

    /** Decompresses a payload, at most 10 MB of it ({@code EBMS:0303} otherwise). */
    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = zip.readNBytes(10 * 1024 * 1024 + 1);
            if (out.length > 10 * 1024 * 1024) {
                throw new As4Refusal("EBMS:0303", "DecompressionFailure", "the payload is larger than 10 MB");
            }
            return out;
        } catch (IOException e) {
            throw new As4Refusal("EBMS:0303", "DecompressionFailure", "the payload is not gzip");
        }
    }

    private static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static String text(Element root, String name) {
        return Ebms.first(root, RESULT_NS, name).map(e -> e.getTextContent().trim()).orElse(null);
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void cbc(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            w.writeStartElement("cbc", name, CBC_NS);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
