package org.singlewindow.contracts.eport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.DataElement;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.JsonPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the E-Port goods declaration XML ({@code DecMessage}, optionally Base64 inside a {@code DxpMsg}) to the
 * directory's goods declaration JSON and back, field by field (the tables below; README has the same table with
 * sources). Mapping loses nothing in either direction for every field the JSON contract has; an XML element the
 * table does not know is refused rather than dropped. Values are not validated here: the JSON goes through the
 * same directory validation as any submission, and numbers that are not numbers stay text so the validator
 * names them.
 */
public final class DecMessageMapper {

    public static final String DEC_NS = "http://www.chinaport.gov.cn/dec";
    public static final String DXP_NS = "http://www.chinaport.gov.cn/dxp";

    /** DecHead child → JSON path (IEFlag, the overseas party's name and the currency are mapped in code). */
    static final Map<String, String> HEAD = table(
            "IEFlag", "data.direction",
            "CustomMaster", "data.declarationCustoms",
            "IEPort", "data.portCustoms",
            "DeclarationKind", "data.declarationKind",
            "ContrNo", "data.contractNo",
            "AgentCodeScc", "declarant.uscc",
            "AgentName", "declarant.name",
            "TradeCoScc", "data.consigneeConsignor.uscc",
            "TradeName", "data.consigneeConsignor.name",
            "OverseasConsignorEname", "data.overseasParty.name",
            "OverseasConsigneeEname", "data.overseasParty.name",
            "OverseasCountry", "data.overseasParty.country",
            "TrafMode", "data.transportMode",
            "TrafName", "data.transportName",
            "BillNo", "data.billOfLading",
            "TradeMode", "data.tradeMode",
            "TradeCountry", "data.tradeCountry",
            "DistinatePort", "data.foreignPort",
            "TransMode", "data.transactionTerms",
            "PackNo", "data.packages",
            "GrossWet", "data.grossWeight",
            "NetWt", "data.netWeight",
            "MarkNo", "data.marks",
            "NoteS", "data.remarks",
            "SeqNo", "data.seqNo",
            "PreEntryId", "data.preEntryId",
            "EntryId", "data.entryId",
            "ManualNo", "data.manualNo",
            "LicenseNo", "data.licenceNo",
            "OwnerCodeScc", "data.ownerParty.uscc",
            "OwnerName", "data.ownerParty.name",
            "CutMode", "data.cutMode",
            "WrapType", "data.wrapType",
            "FreightMark", "data.freight.mark",
            "FreightRate", "data.freight.amount",
            "FreightCurr", "data.freight.currency",
            "InsurMark", "data.insurance.mark",
            "InsurRate", "data.insurance.amount",
            "InsurCurr", "data.insurance.currency",
            "OtherMark", "data.otherCharges.mark",
            "OtherRate", "data.otherCharges.amount",
            "OtherCurr", "data.otherCharges.currency",
            "IEDate", "data.ieDate");
    /** DecList child → path inside {@code data.items[]} (TradeCurr is the head's currency on every item). */
    static final Map<String, String> ITEM = table(
            "GNo", "seq", "CodeTS", "hsCode", "GName", "name", "GModel", "model", "GQty", "quantity",
            "GUnit", "unit", "DeclPrice", "unitPrice", "DeclTotal", "totalPrice", "TradeCurr", "",
            "OriginCountry", "originCountry", "DestinationCountry", "destinationCountry",
            "FirstQty", "firstQuantity", "FirstUnit", "firstUnit", "SecondQty", "secondQuantity",
            "SecondUnit", "secondUnit", "DutyMode", "dutyMode");
    /** Container children → path inside {@code data.containers[]}. */
    static final Map<String, String> CONTAINER = table("ContainerId", "number", "ContainerMd", "spec",
            "GoodsNo", "goodsItems");
    /** DecFreeTxt and DecSign children. */
    static final Map<String, String> FREE_TEXT = table("RelId", "data.summaryDeclarationId", "VoyNo", "data.voyageNo",
            "BonNo", "data.bondedWarehouse", "CusFie", "data.yardCode", "RelManNo", "data.relatedRecordNo",
            "DecNo", "data.staffNumber", "DecBpNo", "data.staffContact");
    static final Map<String, String> SIGN = table("ClientSeqNo", "clientReference",
            "OperType", "data.declarationSign.operationType", "ICCode", "data.declarationSign.cardNumber",
            "CopCode", "data.declarationSign.enterpriseCode", "OperName", "data.declarationSign.operatorName",
            "Sign", "data.declarationSign.signature", "SignDate", "data.declarationSign.signTime",
            "Certificate", "data.declarationSign.certificateNumber", "HostId", "data.declarationSign.hostId",
            "BillSeqNo", "data.declarationSign.billSeqNo", "DomainId", "data.declarationSign.domainId",
            "Note", "data.declarationSign.note");
    /** EdocRealation (repeated under DecMessage itself) → {@code data.electronicDocuments[]}. */
    static final Map<String, String> EDOC = table("EdocID", "id", "EdocCode", "code", "EdocFomatType", "format",
            "OpNote", "note", "EdocCopId", "fileName", "EdocOwnerCode", "ownerCode", "EdocOwnerName", "ownerName",
            "SignUnit", "signUnit", "SignTime", "signTime", "EdocSize", "size");
    /** DecRequestCerts/DecRequestCert → {@code data.requestedCertificates[]}. */
    static final Map<String, String> REQUEST_CERT = table("AppCertCode", "code", "ApplOri", "originals",
            "ApplCopyQuan", "copies");
    /** DecOtherPacks/DecOtherPack → {@code data.otherPackages[]}. */
    static final Map<String, String> OTHER_PACK = table("PackQty", "quantity", "PackType", "wrapType");
    static final Map<String, String> LICENCE_DOC = table("DocuCode", "code", "CertCode", "number");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final DocumentDefinition goods = Directory.standard().document(DocumentType.GOODS_DECLARATION);
    private final Directory directory = Directory.standard();

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

    ObjectNode toJson(XmlElement dec, boolean envelopedSignature) {
        List<Violation> problems = new ArrayList<>();
        ObjectNode root = F.objectNode();
        root.put("documentType", DocumentType.GOODS_DECLARATION.name());
        Set<String> parts = new HashSet<>(Set.of("DecHead", "DecLists", "DecContainers", "DecLicenseDocus",
                "DecFreeTxt", "DecSign", "EdocRealation", "DecRequestCerts", "DecOtherPacks"));
        if (envelopedSignature) {
            parts.add("Signature");
        }
        known(dec, "/DecMessage", parts, problems);
        dec.child("DecHead").ifPresent(head -> {
            known(head, "/DecMessage/DecHead", HEAD.keySet(), problems);
            for (XmlElement e : head.children()) {
                String path = HEAD.get(e.name());
                if (path != null && !e.text().isEmpty()) {
                    put(root, path, jsonValue(e.name(), e.text()));
                }
            }
        });
        List<XmlElement> lists = dec.child("DecLists").map(l -> l.all("DecList")).orElse(List.of());
        dec.child("DecLists").ifPresent(l -> known(l, "/DecMessage/DecLists", Set.of("DecList"), problems));
        String currency = null;
        for (int i = 0; i < lists.size(); i++) {
            XmlElement list = lists.get(i);
            String at = "/DecMessage/DecLists/DecList[" + (i + 1) + "]";
            Set<String> itemNames = new HashSet<>(ITEM.keySet());
            itemNames.add("DecGoodsLimits");
            known(list, at, itemNames, problems);
            ObjectNode item = items(root).addObject();
            for (XmlElement e : list.children()) {
                String path = ITEM.get(e.name());
                if (path != null && !path.isEmpty() && !e.text().isEmpty()) {
                    put(item, path, e.text(), "data.items[]." + path);
                }
            }
            String itemCurrency = list.child("TradeCurr").map(XmlElement::text).orElse(null);
            if (currency == null) {
                currency = itemCurrency;
            } else if (itemCurrency != null && !currency.equals(itemCurrency)) {
                problems.add(new Violation(at + "/TradeCurr", "CURRENCY_MISMATCH", "所有商品项的币制应相同",
                        "every item must have the same currency", "CURRENCY"));
            }
            list.child("DecGoodsLimits").ifPresent(limits -> licences(item, limits, at, problems));
        }
        if (currency != null && !currency.isEmpty()) {
            put(root, "data.currency", currency);
        }
        dec.child("DecContainers").ifPresent(c -> repeated(root, c, "/DecMessage/DecContainers", "Container",
                "data.containers", CONTAINER, problems));
        dec.child("DecLicenseDocus").ifPresent(c -> repeated(root, c, "/DecMessage/DecLicenseDocus", "LicenseDocu",
                "data.attachedDocuments", LICENCE_DOC, problems));
        dec.child("DecRequestCerts").ifPresent(c -> repeated(root, c, "/DecMessage/DecRequestCerts",
                "DecRequestCert", "data.requestedCertificates", REQUEST_CERT, problems));
        dec.child("DecOtherPacks").ifPresent(c -> repeated(root, c, "/DecMessage/DecOtherPacks", "DecOtherPack",
                "data.otherPackages", OTHER_PACK, problems));
        if (dec.child("EdocRealation").isPresent()) {
            entries(root, dec.all("EdocRealation"), "/DecMessage/EdocRealation", "data.electronicDocuments", EDOC,
                    problems);
        }
        single(root, dec, "DecFreeTxt", FREE_TEXT, problems);
        single(root, dec, "DecSign", SIGN, problems);
        if (!problems.isEmpty()) {
            throw new XmlRejected("XML_UNMAPPABLE", problems.size() + " XML element(s) cannot be mapped", problems);
        }
        return root;
    }

    private void licences(ObjectNode item, XmlElement limits, String at, List<Violation> problems) {
        known(limits, at + "/DecGoodsLimits", Set.of("DecGoodsLimit"), problems);
        ArrayNode out = item.putArray("licences");
        for (XmlElement limit : limits.all("DecGoodsLimit")) {
            known(limit, at + "/DecGoodsLimits/DecGoodsLimit", Set.of("LicTypeCode", "LicenceNo"), problems);
            ObjectNode licence = out.addObject();
            limit.child("LicTypeCode").filter(e -> !e.text().isEmpty()).ifPresent(e -> licence.put("type", e.text()));
            limit.child("LicenceNo").filter(e -> !e.text().isEmpty()).ifPresent(e -> licence.put("number", e.text()));
        }
    }

    private void repeated(ObjectNode root, XmlElement parent, String at, String childName, String arrayPath,
                          Map<String, String> fields, List<Violation> problems) {
        known(parent, at, Set.of(childName), problems);
        entries(root, parent.all(childName), at + "/" + childName, arrayPath, fields, problems);
    }

    private void entries(ObjectNode root, List<XmlElement> children, String at, String arrayPath,
                         Map<String, String> fields, List<Violation> problems) {
        ArrayNode array = data(root).putArray(arrayPath.substring("data.".length()));
        for (XmlElement child : children) {
            known(child, at, fields.keySet(), problems);
            ObjectNode entry = array.addObject();
            for (XmlElement e : child.children()) {
                if (fields.containsKey(e.name()) && !e.text().isEmpty()) {
                    put(entry, fields.get(e.name()), e.text(), arrayPath + "[]." + fields.get(e.name()));
                }
            }
        }
    }

    private void single(ObjectNode root, XmlElement dec, String name, Map<String, String> fields,
                        List<Violation> problems) {
        dec.child(name).ifPresent(el -> {
            known(el, "/DecMessage/" + name, fields.keySet(), problems);
            for (XmlElement e : el.children()) {
                if (fields.containsKey(e.name()) && !e.text().isEmpty()) {
                    put(root, fields.get(e.name()), e.text());
                }
            }
        });
    }

    /** Writes a goods declaration JSON as {@code DecMessage} XML (fields it lacks are left out). */
    public String toXml(JsonNode document) {
        return XmlOut.document("DecMessage", DEC_NS, w -> {
            w.writeStartElement("DecHead");
            String direction = text(document, "data.direction");
            for (Map.Entry<String, String> e : HEAD.entrySet()) {
                if (e.getKey().equals("OverseasConsignorEname") && "EXPORT".equals(direction)
                        || e.getKey().equals("OverseasConsigneeEname") && !"EXPORT".equals(direction)) {
                    continue;
                }
                String value = text(document, e.getValue());
                leaf(w, e.getKey(), value == null ? null : xmlValue(e.getKey(), value));
            }
            w.writeEndElement();
            w.writeStartElement("DecLists");
            for (JsonNode item : document.path("data").path("items")) {
                w.writeStartElement("DecList");
                for (Map.Entry<String, String> e : ITEM.entrySet()) {
                    leaf(w, e.getKey(), e.getValue().isEmpty() ? text(document, "data.currency") : text(item, e.getValue()));
                }
                if (item.path("licences").isArray()) {
                    w.writeStartElement("DecGoodsLimits");
                    for (JsonNode licence : item.get("licences")) {
                        w.writeStartElement("DecGoodsLimit");
                        leaf(w, "LicTypeCode", text(licence, "type"));
                        leaf(w, "LicenceNo", text(licence, "number"));
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            list(w, document.path("data").path("containers"), "DecContainers", "Container", CONTAINER);
            list(w, document.path("data").path("attachedDocuments"), "DecLicenseDocus", "LicenseDocu", LICENCE_DOC);
            list(w, document.path("data").path("requestedCertificates"), "DecRequestCerts", "DecRequestCert",
                    REQUEST_CERT);
            list(w, document.path("data").path("otherPackages"), "DecOtherPacks", "DecOtherPack", OTHER_PACK);
            group(w, document, "DecFreeTxt", FREE_TEXT);
            group(w, document, "DecSign", SIGN);
            for (JsonNode edoc : document.path("data").path("electronicDocuments")) {
                entry(w, edoc, "EdocRealation", EDOC);
            }
        });
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

    private static void list(XMLStreamWriter w, JsonNode array, String outer, String inner, Map<String, String> fields)
            throws XMLStreamException {
        if (!array.isArray()) {
            return;
        }
        w.writeStartElement(outer);
        for (JsonNode entry : array) {
            entry(w, entry, inner, fields);
        }
        w.writeEndElement();
    }

    private static void entry(XMLStreamWriter w, JsonNode entry, String name, Map<String, String> fields)
            throws XMLStreamException {
        w.writeStartElement(name);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            leaf(w, e.getKey(), text(entry, e.getValue()));
        }
        w.writeEndElement();
    }

    private static void group(XMLStreamWriter w, JsonNode document, String name, Map<String, String> fields)
            throws XMLStreamException {
        w.writeStartElement(name);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            leaf(w, e.getKey(), text(document, e.getValue()));
        }
        w.writeEndElement();
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

    /** Sets a value at a dotted path, typed by the directory (numbers for numeric elements when they parse). */
    private void put(ObjectNode root, String path, String value) {
        put(root, path, value, path);
    }

    private void put(ObjectNode base, String path, String value, String definitionPath) {
        String[] segments = path.split("\\.");
        ObjectNode at = base;
        for (int i = 0; i < segments.length - 1; i++) {
            at = at.has(segments[i]) ? (ObjectNode) at.get(segments[i]) : at.putObject(segments[i]);
        }
        String name = segments[segments.length - 1];
        DataElement.ElementType type = goods.field(definitionPath)
                .map(f -> directory.element(f.elementId()).type()).orElse(DataElement.ElementType.TEXT);
        try {
            if (type == DataElement.ElementType.INTEGER && value.matches("-?\\d{1,9}")) {
                at.put(name, Integer.parseInt(value));
                return;
            }
            if (type == DataElement.ElementType.DECIMAL && value.matches("-?\\d+(\\.\\d+)?")) {
                at.put(name, new BigDecimal(value));
                return;
            }
        } catch (NumberFormatException e) {
            // left as text: the validator names it
        }
        at.put(name, value);
    }

    private static ObjectNode data(ObjectNode root) {
        return root.has("data") ? (ObjectNode) root.get("data") : root.putObject("data");
    }

    private static ArrayNode items(ObjectNode root) {
        ObjectNode data = data(root);
        return data.has("items") ? (ArrayNode) data.get("items") : data.putArray("items");
    }

    private static void known(XmlElement element, String at, Set<String> names, List<Violation> problems) {
        Set<String> seen = new HashSet<>();
        for (XmlElement child : element.children()) {
            if (!names.contains(child.name())) {
                problems.add(new Violation(at + "/" + child.name(), "UNKNOWN_ELEMENT", "未定义的 XML 元素",
                        "XML element is not part of the mapping"));
            } else if (!seen.add(child.name()) && !isRepeating(child.name())) {
                problems.add(new Violation(at + "/" + child.name(), "DUPLICATE_ELEMENT", "XML 元素重复",
                        "XML element appears more than once"));
            }
        }
    }

    private static boolean isRepeating(String name) {
        return Set.of("DecList", "Container", "LicenseDocu", "DecGoodsLimit", "EdocRealation", "DecRequestCert",
                "DecOtherPack").contains(name);
    }

    /** The JSON value of a head element whose XML form differs: IEFlag I/E, IEDate YYYYMMDD. */
    private static String jsonValue(String element, String value) {
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
    static String xmlValue(String element, String value) {
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

    private static Map<String, String> table(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
