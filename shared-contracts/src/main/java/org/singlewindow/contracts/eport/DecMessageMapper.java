package org.singlewindow.contracts.eport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.JsonPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the E-Port goods declaration XML ({@code DecMessage}, optionally Base64 inside a {@code DxpMsg}) to the
 * directory's goods declaration JSON and back, as {@link DecMessageLayout} (data: {@code decmessage-layout.yaml})
 * says, element by element; README has the same table. Mapping loses nothing in either direction for every element of
 * the layout. Empty means absent: an empty element, or an entry or part that carries nothing, is not stored, and an
 * element the layout does not know is accepted only when it carries nothing; one that carries a value is refused by
 * name, with its path (a transit part with values as not supported). Values are not validated here: the JSON goes
 * through the same directory validation as any submission ({@link #notCarried} names the fields it required that
 * this format has no element for), and numbers that are not numbers stay text so the validator names them.
 */
public final class DecMessageMapper {

    public static final String DEC_NS = "http://www.chinaport.gov.cn/dec";
    public static final String DXP_NS = "http://www.chinaport.gov.cn/dxp";
    /** The element written for the overseas party's name in each direction (both are read). */
    private static final Map<String, String> OVERSEAS_NAME = Map.of("OverseasConsignorEname", "IMPORT",
            "OverseasConsigneeEname", "EXPORT");

    private final DecMessageLayout layout = DecMessageLayout.standard();
    private final DocumentDefinition goods = Directory.standard().document(DocumentType.GOODS_DECLARATION);
    private final Directory directory = Directory.standard();
    private final Set<String> notCarried = layout.notCarried(goods);

    /** Reads a {@code DecMessage} or a {@code DxpMsg} carrying one; every element must be mapped. */
    public ObjectNode read(byte[] xml) {
        return read(xml, false);
    }

    /**
     * Reads a {@code DecMessage} or a {@code DxpMsg} carrying one.
     *
     * @param envelopedSignature the {@code DecMessage} carries an enveloped XML signature ({@code ds:Signature}, its
     *                           last child), which is not part of the document: the caller verifies it
     */
    public ObjectNode read(byte[] xml, boolean envelopedSignature) {
        return toJson(decMessage(SafeXml.parse(xml)), envelopedSignature);
    }

    /** The {@code DecMessage} itself: the XML given, or the one a {@code DxpMsg} carries in {@code Data}. */
    public static byte[] decMessageBytes(byte[] xml) {
        XmlElement root = SafeXml.parse(xml);
        return root.name().equals("DxpMsg") ? data(root) : xml;
    }

    private static XmlElement decMessage(XmlElement root) {
        if (root.name().equals("DxpMsg")) {
            root = unwrap(root);
        }
        if (!root.name().equals("DecMessage")) {
            throw new XmlRejected("XML_UNMAPPABLE", "/" + root.name(), "根元素应为 DecMessage 或 DxpMsg",
                    "the root element must be DecMessage or DxpMsg");
        }
        return root;
    }

    private static XmlElement unwrap(XmlElement dxp) {
        return SafeXml.parse(data(dxp));
    }

    private static byte[] data(XmlElement dxp) {
        String data = dxp.child("Data").map(XmlElement::text).orElse("");
        byte[] inner;
        try {
            inner = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new XmlRejected("XML_UNMAPPABLE", "/DxpMsg/Data", "Data 应为 Base64 编码的报文", "Data must be a Base64 message");
        }
        if (inner.length == 0) {
            throw new XmlRejected("XML_UNMAPPABLE", "/DxpMsg/Data", "Data 为空", "Data is empty");
        }
        return inner;
    }

    /**
     * The fields the goods declaration requires in JSON that no element of this layout carries: not required of a
     * document read from XML (the JSON API still asks for them), as {@code DocumentValidator#validate} takes them.
     */
    public Set<String> notCarried() {
        return notCarried;
    }

    ObjectNode toJson(XmlElement dec, boolean envelopedSignature) {
        return new DecMessageReader(layout, goods, directory).read(dec, envelopedSignature);
    }

    /** Writes a goods declaration JSON as {@code DecMessage} XML (fields it lacks are left out). */
    public String toXml(JsonNode document) {
        return XmlOut.document("DecMessage", DEC_NS, w -> parts(w, document, document, DecMessageLayout.ROOT));
    }

    private void parts(XMLStreamWriter w, JsonNode document, JsonNode base, String parent) throws XMLStreamException {
        String direction = text(document, "data.direction");
        for (DecMessageLayout.Part part : layout.childrenOf(parent)) {
            if (!part.repeated()) {
                if (part.fields().values().stream().anyMatch(path -> text(document, path) != null)) {
                    w.writeStartElement(part.name());
                    for (Map.Entry<String, String> e : part.fields().entrySet()) {
                        String only = OVERSEAS_NAME.get(e.getKey());
                        if (only == null || only.equals(direction) || only.equals("IMPORT") && direction == null) {
                            String value = text(document, e.getValue());
                            leaf(w, e.getKey(), value == null ? null : xmlValue(e.getKey(), value));
                        }
                    }
                    w.writeEndElement();
                }
                continue;
            }
            JsonNode array = select(base, part.array());
            if (!array.isArray() || array.isEmpty()) {
                continue;
            }
            if (part.wrapper() != null) {
                w.writeStartElement(part.wrapper());
            }
            for (JsonNode entry : array) {
                w.writeStartElement(part.name());
                for (Map.Entry<String, String> e : part.fields().entrySet()) {
                    leaf(w, e.getKey(), e.getValue().isEmpty() ? text(document, "data.currency")
                            : text(entry, e.getValue()));
                }
                parts(w, document, entry, part.name());
                w.writeEndElement();
            }
            if (part.wrapper() != null) {
                w.writeEndElement();
            }
        }
    }

    private static JsonNode select(JsonNode node, String path) {
        JsonNode at = node;
        for (String segment : path.split("\\.")) {
            at = at.path(segment);
        }
        return at;
    }

    /** Wraps a goods declaration in a {@code DxpMsg} envelope with the DecMessage Base64 in {@code Data}. */
    public String toDxp(JsonNode document, String copMsgId, String senderId, String createdAt) {
        String data = Base64.getEncoder().encodeToString(toXml(document).getBytes(StandardCharsets.UTF_8));
        return XmlOut.document("DxpMsg", DXP_NS, w -> {
            w.writeAttribute("ver", "1.0");
            w.writeStartElement("TransInfo");
            leaf(w, "CopMsgId", copMsgId);
            leaf(w, "SenderId", senderId);
            w.writeStartElement("ReceiverIds");
            leaf(w, "ReceiverId", "EPORT");
            w.writeEndElement();
            leaf(w, "CreatTime", createdAt);
            leaf(w, "MsgType", "DecMessage");
            w.writeEndElement();
            leaf(w, "Data", data);
        });
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        XmlOut.leaf(w, name, value);
    }

    private static String text(JsonNode node, String path) {
        List<JsonNode> values = JsonPaths.select(node, path);
        if (values.isEmpty() || values.get(0).isNull() || values.get(0).isContainer()) {
            return null;
        }
        JsonNode v = values.get(0);
        return v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
    }

    /** The JSON value of a head element whose XML form differs: IEFlag I/E, IEDate YYYYMMDD. */
    static String jsonValue(String element, String value) {
        return switch (element) {
            case "IEFlag" -> switch (value) {
                case "I" -> "IMPORT";
                case "E" -> "EXPORT";
                default -> value;
            };
            case "IEDate" -> value.matches("\\d{8}")
                    ? value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6) : value;
            default -> value;
        };
    }

    /** The XML form of a head element's JSON value (the inverse of {@link #jsonValue}). */
    public static String xmlValue(String element, String value) {
        return switch (element) {
            case "IEFlag" -> switch (value) {
                case "IMPORT" -> "I";
                case "EXPORT" -> "E";
                default -> value;
            };
            case "IEDate" -> value.matches("\\d{4}-\\d{2}-\\d{2}") ? value.replace("-", "") : value;
            default -> value;
        };
    }
}
