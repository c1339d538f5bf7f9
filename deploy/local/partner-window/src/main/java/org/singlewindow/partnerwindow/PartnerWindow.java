package org.singlewindow.partnerwindow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A foreign single window (by default Viet Nam's, party {@code VN-NSW}) speaking AS4 to central: takes the
 * certificates of origin central sends, answers each with a signed receipt (a duplicate gets the same receipt and is
 * kept once) and then with a {@code CertificateResult}; sends its own certificates (an eCO or an ePhyto) and checks
 * central's receipt. For tests and the demo it can lose the next receipts (the message is kept, the answer is a 502,
 * as if the connection broke) and send a message whose signature does not match.
 * <p>Run: {@code java -cp ... org.singlewindow.partnerwindow.PartnerWindow <port> <dir> <central-cert.pem>
 * <central-as4-url>}; it writes {@code <dir>/VN-NSW.pem} for central. Control: {@code POST /control/send?document=eco|ephyto[&tamper=true]},
 * {@code POST /control/lose-receipts?count=n}, {@code GET /control/received}.
 */
public final class PartnerWindow implements AutoCloseable {

    static final String PARTY = "VN-NSW";
    static final String CENTRAL = "CN-EPORT";
    static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    static final String RESULT_NS = "urn:singlewindow:international:result:1";

    private final HttpServer server;
    private final Identity me;
    private final X509Certificate central;
    private volatile URI centralEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicInteger receiptsToLose = new AtomicInteger();
    /** Sends our customs' results, and sends them again while central does not answer. */
    private final ScheduledExecutorService results = Executors.newSingleThreadScheduledExecutor();

    /** A message taken from central: what it was, how often it came, the receipt it got. */
    public record Received(String messageId, String action, String refToMessageId, String conversationId,
                           String payload, int copies, byte[] receipt) {
        Received again() {
            return new Received(messageId, action, refToMessageId, conversationId, payload, copies + 1, receipt);
        }
    }

    /** What central answered a message we sent. */
    public record Sent(String messageId, int httpStatus, boolean receiptValid, String errorCode) {
    }

    public PartnerWindow(int port, Path dir, X509Certificate central, URI centralEndpoint) throws Exception {
        this.me = Identity.loadOrCreate(dir, PARTY, "dev-partner-password");
        this.central = central;
        this.centralEndpoint = centralEndpoint;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/as4", this::as4);
        server.createContext("/control", this::control);
        server.start();
    }

    public static void main(String[] args) throws Exception {
        PartnerWindow window = new PartnerWindow(Integer.parseInt(args[0]), Path.of(args[1]),
                Identity.certificate(Path.of(args[2])), URI.create(args[3]));
        System.out.println("partner window " + PARTY + " on port " + window.port());
    }

    /** Where central's AS4 endpoint is (when it was not known at start). */
    public void pointAt(URI centralEndpoint) {
        this.centralEndpoint = centralEndpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public X509Certificate certificate() {
        return me.certificate();
    }

    /** The messages central sent us, in the order they first came. */
    public List<Received> received() {
        return order.stream().map(received::get).toList();
    }

    /** The next {@code count} messages are kept but their receipts are lost (HTTP 502). */
    public void loseReceipts(int count) {
        receiptsToLose.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        results.shutdownNow();
    }

    // ---- receiving --------------------------------------------------------------------------------------------

    private void as4(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            int status = 200;
            try {
                answer = take(exchange.getRequestHeaders().getFirst("Content-Type"), body);
                if (answer == null) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
            } catch (Exception e) {
                status = 500;
                answer = error(e.getMessage());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=UTF-8");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Verifies, decrypts and keeps a user message; returns the receipt (null: this receipt is to be lost). */
    private byte[] take(String contentType, byte[] body) throws Exception {
        List<Mime.Part> parts = Mime.read(contentType, body);
        Document doc = parse(parts.get(0).body());
        Map<String, byte[]> encrypted = new HashMap<>();
        for (Mime.Part part : parts.subList(1, parts.size())) {
            encrypted.put(part.contentId(), part.body());
        }
        Map<String, byte[]> plain = WsSecurity.decrypt(doc, me.key(), encrypted);
        if (plain.size() != encrypted.size()) {
            throw new SecurityException("an attachment is not encrypted");
        }
        List<Element> references = WsSecurity.verify(doc, central, plain);
        Element user = path(doc, "Messaging", "UserMessage");
        String messageId = text(user, "MessageInfo", "MessageId");
        String to = text(user, "PartyInfo", "To", "PartyId");
        if (!PARTY.equals(to)) {
            throw new SecurityException("addressed to " + to);
        }
        Received before = received.get(messageId);
        if (before != null) {
            received.put(messageId, before.again());
            return loseOne() ? null : before.receipt();
        }
        byte[] receipt = receipt(messageId, references);
        String payload = new String(gunzip(plain.values().iterator().next()), StandardCharsets.UTF_8);
        String action = text(user, "CollaborationInfo", "Action");
        received.put(messageId, new Received(messageId, action, text(user, "MessageInfo", "RefToMessageId"),
                text(user, "CollaborationInfo", "ConversationId"), payload, 1, receipt));
        order.add(messageId);
        if ("SubmitCertificateOfOrigin".equals(action)) {
            String conversation = text(user, "CollaborationInfo", "ConversationId");
            results.execute(() -> sendResult(messageId, conversation, payload, 0));
        }
        return loseOne() ? null : receipt;
    }

    private boolean loseOne() {
        return receiptsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * Our customs' answer to a certificate of origin: accepted, sent as a user message of its own; sent again
     * (1 s, doubling to 16 s, ten times) while central gives no valid receipt.
     */
    private void sendResult(String refTo, String conversation, String payload, int attempt) {
        String documentId = payload.replaceAll("(?s).*?<cbc:ID>([^<]*)</cbc:ID>.*", "$1");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CertificateResult xmlns=\"" + RESULT_NS + "\">"
                + "<RefToMessageId>" + refTo + "</RefToMessageId><DocumentId>" + documentId + "</DocumentId>"
                + "<Status>ACCEPTED</Status><Message>certificate of origin accepted by Viet Nam customs (simulated)"
                + "</Message></CertificateResult>";
        boolean answered;
        try {
            answered = send("urn:singlewindow:agreement:results", "urn:singlewindow:service:certificate-result",
                    "CertificateResult", conversation, refTo, xml, false).receiptValid();
        } catch (Exception unreachable) {
            answered = false;
        }
        if (!answered && attempt < 9) {
            results.schedule(() -> sendResult(refTo, conversation, payload, attempt + 1),
                    1000L << Math.min(attempt, 4), TimeUnit.MILLISECONDS);
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    /** Sends a sample certificate of origin (eCO) to central. */
    public Sent sendCertificateOfOrigin(String certificateNo, boolean tamper) throws Exception {
        String xml = certificateOfOrigin(certificateNo);
        return send("urn:singlewindow:agreement:acfta", "urn:singlewindow:service:certificate-of-origin",
                "SubmitCertificateOfOrigin", "VN-CO-" + certificateNo, null, xml, tamper);
    }

    /** The sample certificate of origin (UBL 2.3, Form E, Viet Nam to the Shanghai importer) with a number. */
    public static String certificateOfOrigin(String certificateNo) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CertificateOfOrigin xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2\""
                + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
                + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                + "<cbc:UBLVersionID>2.3</cbc:UBLVersionID><cbc:ID>" + certificateNo + "</cbc:ID>"
                + "<cbc:IssueDate>2026-12-01</cbc:IssueDate><cbc:Description>FORM_E</cbc:Description>"
                + "<cac:ExporterParty><cac:PartyName><cbc:Name>Saigon Rubber JSC</cbc:Name></cac:PartyName>"
                + "</cac:ExporterParty><cac:ImporterParty><cac:PartyIdentification><cbc:ID>91310115MA1H7G0X0M</cbc:ID>"
                + "</cac:PartyIdentification></cac:ImporterParty><cac:Shipment><cbc:ID>INV-VN-2026-0042</cbc:ID>"
                + "<cac:GoodsItem><cbc:ID>1</cbc:ID><cbc:Description>Natural rubber, smoked sheets</cbc:Description>"
                + "<cbc:Quantity unitCode=\"035\">20000</cbc:Quantity><cbc:PreferenceCriterionCode>WO"
                + "</cbc:PreferenceCriterionCode><cac:CommodityClassification><cbc:ItemClassificationCode>4001210000"
                + "</cbc:ItemClassificationCode></cac:CommodityClassification></cac:GoodsItem></cac:Shipment>"
                + "</CertificateOfOrigin>";
    }

    /** Sends a sample ePhyto (UN/CEFACT SPS certificate) to central. */
    public Sent sendPhytosanitaryCertificate(String certificateNo, boolean tamper) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rsm:SPSCertificate xmlns:rsm=\"urn:un:unece:uncefact:data:standard:SPSCertificate:17\""
                + " xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21\">"
                + "<rsm:SPSExchangedDocument><ram:Name>Phytosanitary Certificate</ram:Name><ram:ID>" + certificateNo
                + "</ram:ID><ram:TypeCode>851</ram:TypeCode><ram:StatusCode>70</ram:StatusCode>"
                + "</rsm:SPSExchangedDocument><rsm:SPSConsignment><ram:ExportSPSCountry><ram:ID>VN</ram:ID>"
                + "</ram:ExportSPSCountry><ram:ImportSPSCountry><ram:ID>CN</ram:ID></ram:ImportSPSCountry>"
                + "</rsm:SPSConsignment></rsm:SPSCertificate>";
        return send("urn:singlewindow:agreement:ephyto", "urn:singlewindow:service:sps-certificate",
                "SubmitSpsCertificate", "VN-PHYTO-" + certificateNo, null, xml, tamper);
    }

    /**
     * What the next messages declare in their {@code eb:PartProperties}: the payload's MIME type and its
     * compression ({@code application/gzip}: gzipped; null: sent as it is, with no {@code CompressionType}; another
     * type: declared, and the payload sent as it is).
     */
    public void declare(String mimeType, String compressionType) {
        this.mimeType = mimeType;
        this.compressionType = compressionType;
    }

    private volatile String mimeType = "application/xml";
    private volatile String compressionType = "application/gzip";

    /** Sends a message again exactly as last time (same MessageId): a duplicate for central to eliminate. */
    public Sent resend(String messageId) throws Exception {
        Outgoing last = outgoing.get(messageId);
        return post(last);
    }

    private record Outgoing(String messageId, String agreement, String service, String action, String conversation,
                            String refTo, String xml, boolean tamper, String mimeType, String compressionType) {

        byte[] payload(String text) throws Exception {
            if ("application/gzip".equals(compressionType)) {
                return gzip(text);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return mimeType.contains("xml") ? WsSecurity.canonical(bytes) : bytes;
        }
    }

    private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

    private Sent send(String agreement, String service, String action, String conversation, String refTo,
                      String xml, boolean tamper) throws Exception {
        Outgoing message = new Outgoing(UUID.randomUUID() + "@vn-nsw.example", agreement, service, action,
                conversation, refTo, xml, tamper, mimeType, compressionType);
        outgoing.put(message.messageId(), message);
        return post(message);
    }

    private Sent post(Outgoing m) throws Exception {
        String cid = "payload-" + m.messageId(); // the same for every sending of one message
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String envelope = "<S12:Envelope xmlns:S12=\"" + WsSecurity.SOAP + "\" xmlns:eb=\"" + WsSecurity.EB + "\">"
                + "<S12:Header><eb:Messaging S12:mustUnderstand=\"true\"><eb:UserMessage><eb:MessageInfo>"
                + "<eb:Timestamp>" + now + "</eb:Timestamp><eb:MessageId>" + m.messageId() + "</eb:MessageId>"
                + (m.refTo() == null ? "" : "<eb:RefToMessageId>" + m.refTo() + "</eb:RefToMessageId>")
                + "</eb:MessageInfo><eb:PartyInfo><eb:From><eb:PartyId type=\"" + PARTY_TYPE + "\">" + PARTY
                + "</eb:PartyId><eb:Role>" + WsSecurity.EB + "initiator</eb:Role></eb:From><eb:To><eb:PartyId type=\""
                + PARTY_TYPE + "\">" + CENTRAL + "</eb:PartyId><eb:Role>" + WsSecurity.EB + "responder</eb:Role>"
                + "</eb:To></eb:PartyInfo><eb:CollaborationInfo><eb:AgreementRef>" + m.agreement()
                + "</eb:AgreementRef><eb:Service type=\"urn:singlewindow:service-type\">" + m.service()
                + "</eb:Service><eb:Action>" + m.action() + "</eb:Action><eb:ConversationId>" + m.conversation()
                + "</eb:ConversationId></eb:CollaborationInfo><eb:PayloadInfo><eb:PartInfo href=\"cid:" + cid
                + "\"><eb:PartProperties><eb:Property name=\"MimeType\">" + m.mimeType() + "</eb:Property>"
                + (m.compressionType() == null ? "" : "<eb:Property name=\"CompressionType\">" + m.compressionType()
                + "</eb:Property>") + "</eb:PartProperties>"
                + "</eb:PartInfo></eb:PayloadInfo></eb:UserMessage></eb:Messaging></S12:Header><S12:Body/>"
                + "</S12:Envelope>";
        Document doc = parse(envelope.getBytes(StandardCharsets.UTF_8));
        byte[] payload = m.payload(m.xml());
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        attachments.put(cid, payload);
        Element security = WsSecurity.sign(doc, me.key(), me.certificate(), attachments);
        List<Element> signedReferences = WsSecurity.children(WsSecurity.first(WsSecurity.first(security,
                WsSecurity.DS, "Signature"), WsSecurity.DS, "SignedInfo"), WsSecurity.DS, "Reference");
        if (m.tamper()) {
            payload = m.payload(m.xml().replace("</cbc:ID>", "X</cbc:ID>").replace("</ram:ID>", "X</ram:ID>"));
        }
        byte[] cipherText = WsSecurity.encrypt(security, central, cid,
                "application/gzip".equals(m.compressionType()) ? "application/gzip" : m.mimeType(), payload);
        Mime.Written written = Mime.write(bytes(doc), cid, cipherText);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(centralEndpoint)
                .timeout(Duration.ofSeconds(30)).header("Content-Type", written.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(written.body())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Document answer = parse(response.body());
        Element signal = path(answer, "Messaging", "SignalMessage");
        Element error = signal == null ? null : WsSecurity.first(signal, WsSecurity.EB, "Error");
        if (error != null) {
            return new Sent(m.messageId(), response.statusCode(), false, error.getAttribute("errorCode"));
        }
        List<Element> acknowledged = new ArrayList<>();
        Element receipt = signal == null ? null : WsSecurity.first(signal, WsSecurity.EB, "Receipt");
        if (receipt != null) {
            for (var n : iterable(answer.getElementsByTagNameNS(WsSecurity.DS, "Reference"))) {
                if (n.getParentNode().getLocalName().equals("MessagePartNRInformation")) {
                    acknowledged.add(n);
                }
            }
        }
        // non-repudiation of receipt: every reference this sending signed (eb:Messaging, the Body, the payload) comes
        // back with its digest, a repeated sending's own included
        Map<String, String> ours = digests(signedReferences);
        boolean valid = receipt != null && m.messageId().equals(text(signal, "MessageInfo", "RefToMessageId"))
                && digests(acknowledged).entrySet().containsAll(ours.entrySet());
        if (valid) {
            WsSecurity.verify(answer, central, Map.of());
        }
        return new Sent(m.messageId(), response.statusCode(), valid, null);
    }

    // ---- control ---------------------------------------------------------------------------------------------

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            String json;
            try {
                json = switch (path) {
                    case "/control/send" -> {
                        boolean tamper = Boolean.parseBoolean(query.getOrDefault("tamper", "false"));
                        String no = "VN" + System.currentTimeMillis();
                        Sent sent = "ephyto".equals(query.get("document")) ? sendPhytosanitaryCertificate(no, tamper)
                                : sendCertificateOfOrigin(no, tamper);
                        yield "{\"messageId\":\"" + sent.messageId() + "\",\"certificate\":\"" + no
                                + "\",\"httpStatus\":" + sent.httpStatus() + ",\"receiptValid\":" + sent.receiptValid()
                                + ",\"errorCode\":" + (sent.errorCode() == null ? "null" : "\"" + sent.errorCode() + "\"")
                                + "}";
                    }
                    case "/control/lose-receipts" -> {
                        loseReceipts(Integer.parseInt(query.getOrDefault("count", "1")));
                        yield "{\"losing\":" + receiptsToLose.get() + "}";
                    }
                    case "/control/received" -> {
                        StringBuilder out = new StringBuilder("[");
                        for (Received r : received()) {
                            out.append(out.length() > 1 ? "," : "").append("{\"messageId\":\"").append(r.messageId())
                                    .append("\",\"action\":\"").append(r.action()).append("\",\"conversationId\":\"")
                                    .append(r.conversationId()).append("\",\"copies\":").append(r.copies()).append('}');
                        }
                        yield out.append(']').toString();
                    }
                    default -> throw new IllegalArgumentException("unknown control " + path);
                };
            } catch (Exception e) {
                byte[] bytes = ("{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    // ---- signals ---------------------------------------------------------------------------------------------

    private byte[] receipt(String refTo, List<Element> references) throws Exception {
        Document doc = parse(signal(refTo, "<eb:Receipt><ebbp:NonRepudiationInformation "
                + "xmlns:ebbp=\"http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0\"/></eb:Receipt>")
                .getBytes(StandardCharsets.UTF_8));
        Element nri = (Element) doc.getElementsByTagNameNS("http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0",
                "NonRepudiationInformation").item(0);
        for (Element reference : references) {
            Element part = doc.createElementNS("http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0",
                    "ebbp:MessagePartNRInformation");
            Element copy = (Element) doc.importNode(reference, true);
            copy.setAttributeNS(WsSecurity.XMLNS, "xmlns:ds", WsSecurity.DS);
            part.appendChild(copy);
            nri.appendChild(part);
        }
        WsSecurity.sign(doc, me.key(), me.certificate(), Map.of());
        return bytes(doc);
    }

    private byte[] error(String detail) {
        try {
            Document doc = parse(signal(null, "<eb:Error errorCode=\"EBMS:0101\" severity=\"failure\" "
                    + "shortDescription=\"FailedAuthentication\" origin=\"ebMS\" category=\"Processing\"><eb:ErrorDetail>"
                    + String.valueOf(detail).replace("&", "&amp;").replace("<", "&lt;") + "</eb:ErrorDetail></eb:Error>")
                    .getBytes(StandardCharsets.UTF_8));
            WsSecurity.sign(doc, me.key(), me.certificate(), Map.of());
            return bytes(doc);
        } catch (Exception e) {
            return new byte[0];
        }
    }

    private static String signal(String refTo, String content) {
        return "<S12:Envelope xmlns:S12=\"" + WsSecurity.SOAP + "\" xmlns:eb=\"" + WsSecurity.EB + "\"><S12:Header>"
                + "<eb:Messaging S12:mustUnderstand=\"true\"><eb:SignalMessage><eb:MessageInfo><eb:Timestamp>"
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "</eb:Timestamp><eb:MessageId>" + UUID.randomUUID()
                + "@vn-nsw.example</eb:MessageId>" + (refTo == null ? "" : "<eb:RefToMessageId>" + refTo
                + "</eb:RefToMessageId>") + "</eb:MessageInfo>" + content + "</eb:SignalMessage></eb:Messaging>"
                + "</S12:Header><S12:Body/></S12:Envelope>";
    }

    // ---- XML and bytes ---------------------------------------------------------------------------------------

    private static Map<String, String> digests(List<Element> references) {
        Map<String, String> out = new HashMap<>();
        for (Element r : references) {
            Element digest = WsSecurity.first(r, WsSecurity.DS, "DigestValue");
            out.put(r.getAttribute("URI"), digest == null ? "" : digest.getTextContent().trim());
        }
        return out;
    }

    private static List<Element> iterable(org.w3c.dom.NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element path(Document doc, String... names) {
        Element at = WsSecurity.first(doc.getDocumentElement(), WsSecurity.SOAP, "Header");
        for (String name : names) {
            at = at == null ? null : WsSecurity.first(at, WsSecurity.EB, name);
        }
        return at;
    }

    private static String text(Element parent, String... names) {
        Element at = parent;
        for (String name : names) {
            at = at == null ? null : WsSecurity.first(at, WsSecurity.EB, name);
        }
        return at == null ? null : at.getTextContent().trim();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] bytes(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
