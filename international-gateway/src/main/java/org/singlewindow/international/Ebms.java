package org.singlewindow.international;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * ebMS 3 messages as SOAP 1.2 DOM: user messages, receipts and errors written, headers read. Nothing here signs or
 * encrypts ({@link As4Security} does).
 */
final class Ebms {

    static final String SOAP_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String EB_NS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    static final String EBBP_NS = "http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0";
    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    static final String INITIATOR = EB_NS + "initiator";
    static final String RESPONDER = EB_NS + "responder";

    private Ebms() {
    }

    /** What a user message says about itself. */
    record UserMessage(String messageId, Instant timestamp, String refToMessageId, String from, String to,
                       String agreement, String service, String serviceType, String action, String conversationId,
                       List<Part> parts) {

        List<String> partHrefs() {
            return parts.stream().map(Part::href).toList();
        }
    }

    /**
     * A payload as {@code eb:PartInfo} names it: its reference and what its {@code eb:PartProperties} declare (null
     * when they declare nothing: no {@code CompressionType} means the payload is not compressed).
     */
    record Part(String href, String mimeType, String compressionType) {
    }

    /** A signal: a receipt (with the references it acknowledges) or an error. */
    record Signal(String messageId, String refToMessageId, boolean receipt, List<Element> acknowledged,
                  String errorCode, String errorDetail) {
    }

    /** A user message envelope with one payload part ({@code cid:<contentId>}), ready to be signed. */
    static Document userMessage(String messageId, Instant at, String refTo, String from, String to, PMode mode,
                                String conversationId, String contentId) {
        Document doc = newDocument();
        Element messaging = envelope(doc);
        Element user = child(messaging, "UserMessage");
        messageInfo(user, messageId, at, refTo);
        Element parties = child(user, "PartyInfo");
        party(child(parties, "From"), from, INITIATOR);
        party(child(parties, "To"), to, RESPONDER);
        Element collaboration = child(user, "CollaborationInfo");
        text(collaboration, "AgreementRef", mode.agreement());
        text(collaboration, "Service", mode.service()).setAttribute("type", mode.serviceType());
        text(collaboration, "Action", mode.action());
        text(collaboration, "ConversationId", conversationId);
        Element properties = child(user, "MessageProperties");
        property(properties, "originalSender", from);
        property(properties, "finalRecipient", to);
        Element part = child(child(user, "PayloadInfo"), "PartInfo");
        part.setAttribute("href", "cid:" + contentId);
        Element partProperties = child(part, "PartProperties");
        property(partProperties, "MimeType", "application/xml");
        property(partProperties, "CompressionType", "application/gzip");
        return doc;
    }

    /**
     * A receipt for a user message: its {@code ds:Reference}s copied into {@code ebbp:NonRepudiationInformation}
     * (what the sender keeps as proof we received exactly what it signed).
     */
    static Document receipt(String messageId, Instant at, String refTo, List<Element> signedReferences) {
        Document doc = newDocument();
        Element signal = child(envelope(doc), "SignalMessage");
        messageInfo(signal, messageId, at, refTo);
        Element nri = doc.createElementNS(EBBP_NS, "ebbp:NonRepudiationInformation");
        child(signal, "Receipt").appendChild(nri);
        for (Element reference : signedReferences) {
            Element part = doc.createElementNS(EBBP_NS, "ebbp:MessagePartNRInformation");
            Element copy = (Element) doc.importNode(reference, true);
            copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS_NS);
            part.appendChild(copy);
            nri.appendChild(part);
        }
        return doc;
    }

    /**
     * An ebMS error signal ({@code EBMS:0101} failed authentication, {@code EBMS:0010} no P-Mode, ...), as eDelivery
     * access points send it: the signal alone, no SOAP Fault (clients that see a Fault or a 5xx take it for a
     * transport failure, never read the error and send again).
     */
    static Document error(String messageId, Instant at, String refTo, String code, String shortDescription,
                          String detail) {
        Document doc = newDocument();
        Element signal = child(envelope(doc), "SignalMessage");
        messageInfo(signal, messageId, at, refTo);
        Element error = child(signal, "Error");
        error.setAttribute("errorCode", code);
        error.setAttribute("severity", "failure");
        error.setAttribute("shortDescription", shortDescription);
        error.setAttribute("category", "Processing");
        error.setAttribute("origin", "ebMS");
        if (refTo != null) {
            error.setAttribute("refToMessageInError", refTo);
        }
        text(error, "ErrorDetail", detail);
        return doc;
    }

    /** The {@code eb:Messaging} header, if any. */
    static Optional<Element> messaging(Document doc) {
        return first(doc.getDocumentElement(), SOAP_NS, "Header").flatMap(h -> first(h, EB_NS, "Messaging"));
    }

    /** Reads a user message header; empty when the message is not one. */
    static Optional<UserMessage> readUserMessage(Document doc) {
        return messaging(doc).flatMap(m -> first(m, EB_NS, "UserMessage")).map(user -> {
            Element info = first(user, EB_NS, "MessageInfo").orElseThrow(() -> new As4Refusal("EBMS:0009",
                    "InvalidHeader", "no MessageInfo"));
            Element collaboration = first(user, EB_NS, "CollaborationInfo").orElseThrow(() ->
                    new As4Refusal("EBMS:0009", "InvalidHeader", "no CollaborationInfo"));
            Element parties = first(user, EB_NS, "PartyInfo").orElseThrow(() -> new As4Refusal("EBMS:0009",
                    "InvalidHeader", "no PartyInfo"));
            List<Part> parts = new ArrayList<>();
            first(user, EB_NS, "PayloadInfo").ifPresent(p -> {
                for (Element part : all(p, EB_NS, "PartInfo")) {
                    Map<String, String> properties = new HashMap<>();
                    first(part, EB_NS, "PartProperties").ifPresent(pp -> all(pp, EB_NS, "Property").forEach(
                            property -> properties.put(property.getAttribute("name"), property.getTextContent().trim())));
                    parts.add(new Part(part.getAttribute("href"), properties.get("MimeType"),
                            properties.get("CompressionType")));
                }
            });
            Element service = first(collaboration, EB_NS, "Service").orElse(null);
            return new UserMessage(required(info, "MessageId"), Instant.parse(required(info, "Timestamp")),
                    optional(info, "RefToMessageId"), partyId(parties, "From"), partyId(parties, "To"),
                    optional(collaboration, "AgreementRef"), service == null ? null : service.getTextContent().trim(),
                    service == null ? null : service.getAttribute("type"), optional(collaboration, "Action"),
                    optional(collaboration, "ConversationId"), parts);
        });
    }

    /** Reads a signal (receipt or error); empty when the message is not one. */
    static Optional<Signal> readSignal(Document doc) {
        return messaging(doc).flatMap(m -> first(m, EB_NS, "SignalMessage")).map(signal -> {
            Element info = first(signal, EB_NS, "MessageInfo").orElseThrow(() -> new As4Refusal("EBMS:0009",
                    "InvalidHeader", "no MessageInfo"));
            Optional<Element> error = first(signal, EB_NS, "Error");
            List<Element> references = new ArrayList<>();
            first(signal, EB_NS, "Receipt").flatMap(r -> first(r, EBBP_NS, "NonRepudiationInformation"))
                    .ifPresent(nri -> {
                        for (Element part : all(nri, EBBP_NS, "MessagePartNRInformation")) {
                            first(part, DS_NS, "Reference").ifPresent(references::add);
                        }
                    });
            return new Signal(optional(info, "MessageId"), optional(info, "RefToMessageId"),
                    first(signal, EB_NS, "Receipt").isPresent(), references,
                    error.map(e -> e.getAttribute("errorCode")).orElse(null),
                    error.map(e -> e.getTextContent().trim()).orElse(null));
        });
    }

    static Document parse(byte[] xml) {
        return parse(xml, "EBMS:0009", "InvalidHeader", "the SOAP part is not XML");
    }

    /** Parses XML safely (no DTD, no entities); refuses what does not parse with the given ebMS error. */
    static Document parse(byte[] xml, String code, String shortDescription, String detail) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new As4Refusal(code, shortDescription, detail);
        }
    }

    static byte[] bytes(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    /** Namespace-aware, no DTDs, no external entities. */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element envelope(Document doc) {
        Element envelope = doc.createElementNS(SOAP_NS, "S12:Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:eb", EB_NS);
        doc.appendChild(envelope);
        Element header = doc.createElementNS(SOAP_NS, "S12:Header");
        envelope.appendChild(header);
        envelope.appendChild(doc.createElementNS(SOAP_NS, "S12:Body"));
        Element messaging = doc.createElementNS(EB_NS, "eb:Messaging");
        messaging.setAttributeNS(SOAP_NS, "S12:mustUnderstand", "true");
        header.appendChild(messaging);
        return messaging;
    }

    private static void messageInfo(Element parent, String messageId, Instant at, String refTo) {
        Element info = child(parent, "MessageInfo");
        text(info, "Timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        text(info, "MessageId", messageId);
        if (refTo != null) {
            text(info, "RefToMessageId", refTo);
        }
    }

    private static Element soap(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(SOAP_NS, "S12:" + name);
        parent.appendChild(e);
        return e;
    }

    private static void party(Element parent, String id, String role) {
        text(parent, "PartyId", id).setAttribute("type", PARTY_TYPE);
        text(parent, "Role", role);
    }

    private static void property(Element parent, String name, String value) {
        text(parent, "Property", value).setAttribute("name", name);
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(EB_NS, "eb:" + name);
        parent.appendChild(e);
        return e;
    }

    private static Element text(Element parent, String name, String value) {
        Element e = child(parent, name);
        e.setTextContent(value);
        return e;
    }

    private static String partyId(Element parties, String side) {
        return first(parties, EB_NS, side).flatMap(s -> first(s, EB_NS, "PartyId")).map(e -> e.getTextContent().trim())
                .orElseThrow(() -> new As4Refusal("EBMS:0009", "InvalidHeader", "no " + side + "/PartyId"));
    }

    private static String required(Element parent, String name) {
        String value = optional(parent, name);
        if (value == null || value.isEmpty()) {
            throw new As4Refusal("EBMS:0009", "InvalidHeader", "no " + name);
        }
        return value;
    }

    private static String optional(Element parent, String name) {
        return first(parent, EB_NS, name).map(e -> e.getTextContent().trim()).orElse(null);
    }

    static Optional<Element> first(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static List<Element> all(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
