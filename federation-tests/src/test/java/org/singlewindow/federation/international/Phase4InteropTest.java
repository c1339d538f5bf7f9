package org.singlewindow.federation.international;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.helger.commons.collection.impl.CommonsArrayList;
import com.helger.commons.collection.impl.ICommonsList;
import com.helger.commons.http.HttpHeaderMap;
import com.helger.commons.io.IHasInputStream;
import com.helger.commons.io.stream.StreamHelper;
import com.helger.commons.mime.IMimeType;
import com.helger.commons.state.ETriState;
import com.helger.phase4.CAS4;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.IAS4IncomingAttachmentFactory;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.client.IAS4ClientBuildMessageCallback;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.crypto.IAS4CryptoFactory;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.incoming.AS4IncomingMessageMetadata;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4IncomingReceiverConfiguration;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4ResponseAbstraction;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import com.helger.phase4.incoming.spi.AS4MessageProcessorResult;
import com.helger.phase4.incoming.spi.AS4SignalMessageProcessorResult;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.messaging.http.HttpRetrySettings;
import com.helger.phase4.mgr.MetaAS4Manager;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.pmode.IPMode;
import com.helger.phase4.model.pmode.IPModeIDProvider;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.model.pmode.PModeParty;
import com.helger.phase4.model.pmode.PModePayloadService;
import com.helger.phase4.model.pmode.PModeReceptionAwareness;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeAddressList;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegBusinessInformation;
import com.helger.phase4.model.pmode.leg.PModeLegErrorHandling;
import com.helger.phase4.model.pmode.leg.PModeLegProtocol;
import com.helger.phase4.model.pmode.leg.PModeLegReliability;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.model.pmode.resolve.IAS4PModeResolver;
import com.helger.phase4.profile.AS4Profile;
import com.helger.phase4.profile.IAS4ProfileValidator;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.sender.IAS4SignalMessageValidationResultHandler;
import com.helger.phase4.wss.EWSSVersion;
import com.helger.servlet.mock.MockServletContext;
import com.helger.web.scope.mgr.WebScopeManager;
import com.helger.web.scope.mgr.WebScoped;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.partnerwindow.PartnerWindow;
import org.singlewindow.security.Pem;
import org.singlewindow.tools.As4Keys;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Central's AS4 gateway against phase4 (an AS4 implementation neither side wrote) acting as the partner window
 * VN-NSW: phase4 sends certificates of origin to {@code POST /as4} and checks central's signed receipts (non-repudiation
 * references compared by phase4 itself), and phase4 receives what central sends and answers with its own signed receipt.
 * phase4-lib 3.2.2 (the newest that resolves here), with ph-commons 11 and ph-web 10; it runs in this JVM, its request
 * handler behind the JDK's HTTP server as phase4's own AS4DumpReader runs it outside a servlet container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Phase4InteropTest {

    // ---- what the project's P-Mode eco-in / PartnerWindow use -------------------------------------------------
    private static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    private static final String PARTNER = "VN-NSW";
    private static final String CENTRAL = "CN-EPORT";
    private static final String AGREEMENT = "urn:singlewindow:agreement:acfta";
    private static final String SERVICE = "urn:singlewindow:service:certificate-of-origin";
    private static final String SERVICE_TYPE = "urn:singlewindow:service-type";
    private static final String ACTION = "SubmitCertificateOfOrigin";
    private static final String EB_NS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";

    /** Our own phase4 profile: no validator (no Peppol/CEF rules), P-Mode template = the receiving P-Mode. */
    private static final String PROFILE_ID = "singlewindow-acfta-test";
    private static final String PARTNER_PASSWORD = "dev-partner-password";

    private Federation federation;
    private HttpServer phase4Server;
    private boolean startedGlobalScope;

    private X509Certificate centralCert;
    private IAS4CryptoFactory partnerCrypto;
    private PMode sendingPMode;
    private PMode receivingPMode;

    /** A user message phase4 took from central (decrypted, verified, decompressed). */
    record Received(String messageId, String refToMessageId, String action, String conversationId, String payload,
                    X509Certificate signedBy) {
    }

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // ---- keys: central's and the partner's (RSA 2048, self-signed, alias "as4"), as the other tests make them
        Path keys = dir.resolve("as4");
        As4Keys.create(keys, CENTRAL, "dev-as4-password", Federation.CLOCK.instant());
        As4Keys.create(keys, PARTNER, PARTNER_PASSWORD, Federation.CLOCK.instant());
        centralCert = Pem.certificate(Files.readString(keys.resolve(CENTRAL + ".pem")));
        KeyStore partnerKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve(PARTNER + ".p12"))) {
            partnerKeys.load(in, PARTNER_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cn-eport", centralCert); // verifies central's receipts, errors and user messages
        // One crypto factory for sign and crypt: our key signs and decrypts, the trust store verifies central.
        // Encryption towards central uses the explicit receiverCertificate(...) below, not an alias.
        partnerCrypto = new AS4CryptoFactoryInMemoryKeyStore(partnerKeys, "as4", PARTNER_PASSWORD.toCharArray(), trust);

        // ---- phase4 global state: one global (web) scope per JVM, in-memory managers (the default)
        if (!WebScopeManager.isGlobalScopePresent()) {
            WebScopeManager.onGlobalBegin(MockServletContext.create());
            startedGlobalScope = true;
        }
        MetaAS4Manager.getInstance(); // creates the PMode/MPC/duplicate/profile managers
        sendingPMode = pmode("sw-vn-to-cn", PARTNER, CENTRAL, null, false);
        receivingPMode = pmode("sw-cn-to-vn", CENTRAL, PARTNER, null, true);
        if (MetaAS4Manager.getProfileMgr().getProfileOfID(PROFILE_ID) == null) {
            MetaAS4Manager.getProfileMgr().registerProfile(new AS4Profile(PROFILE_ID, "Single Window ACFTA (test)",
                    () -> (IAS4ProfileValidator) null, (initiator, responder, address) -> receivingPMode,
                    IPModeIDProvider.DEFAULT_DYNAMIC, false, false));
        }

        // ---- phase4 receiving endpoint: AS4RequestHandler behind the JDK HTTP server (no servlet container)
        phase4Server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        phase4Server.setExecutor(Executors.newFixedThreadPool(4));
        phase4Server.createContext("/as4", this::phase4Receive);
        phase4Server.start();

        // ---- the federation, central's partner VN-NSW being phase4
        federation = Federation.prepare(dir, "--sw.as4.enabled=true",
                "--sw.as4.key-store=" + keys.resolve(CENTRAL + ".p12"), "--sw.as4.key-store-password=dev-as4-password",
                "--sw.as4.partners.VN-NSW.endpoint=http://127.0.0.1:" + phase4Server.getAddress().getPort() + "/as4",
                "--sw.as4.partners.VN-NSW.certificate=" + keys.resolve(PARTNER + ".pem"),
                "--sw.as4.partners.VN-NSW.countries=VNM",
                "--sw.as4.retry.first-delay=200ms", "--sw.as4.retry.max-delay=1s", "--sw.as4.retry.interval=100ms",
                "--sw.as4.handover.interval=100ms");
        federation.startCentral();
        federation.startProvince(SH);
    }

    @AfterAll
    void stop() {
        if (federation != null) {
            federation.close();
        }
        if (phase4Server != null) {
            phase4Server.stop(0);
            ((ExecutorService) phase4Server.getExecutor()).shutdownNow();
        }
        if (startedGlobalScope) {
            WebScopeManager.onGlobalEnd(); // destroys MetaAS4Manager and the registered profile with it
        }
    }

    // ============================================ (a) phase4 sends ============================================

    @Test
    void phase4_should_deliver_a_certificate_of_origin_and_verify_centrals_receipt_also_for_a_duplicate() {
        String messageId = UUID.randomUUID() + "@vn-nsw.example";
        String certificateNo = "VNP4" + UUID.randomUUID();

        Outcome first = send(messageId, certificateNo, null);
        assertThat(first.result()).as("phase4 got a receipt (signature verified against central's certificate)")
                .isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(first.signal().getMessageInfo().getRefToMessageId()).isEqualTo(messageId);
        assertThat(first.signedBy()).as("the receipt is signed by central").isEqualTo(centralCert);
        assertThat(first.nonRepudiation()).as("phase4's own check of the receipt's ds:References against what it signed")
                .isEqualTo("success");

        Outcome again = send(messageId, certificateNo, null);
        assertThat(again.result()).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(again.nonRepudiation()).as("the duplicate's receipt acknowledges this sending").isEqualTo("success");
        assertThat(federation.centralDb().queryForObject("select count(*) from as4_message where message_id = ?",
                Integer.class, messageId)).as("kept once").isEqualTo(1);

        // central then hands it to GACC and sends the result back: a user message with RefToMessageId, which phase4
        // takes with leg 2 of its P-Mode (that is why the receiving P-Mode has two legs)
        Received result = await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .filter(r -> messageId.equals(r.refToMessageId())).findFirst().orElse(null), r -> r != null);
        assertThat(result.action()).isEqualTo("CertificateResult");
        assertThat(result.payload()).contains("<Status>ACCEPTED</Status>");
    }

    @Test
    void a_message_phase4_signed_and_that_was_changed_afterwards_should_come_back_as_EBMS_0101() {
        String messageId = UUID.randomUUID() + "@vn-nsw.example";
        // Changes eb:ConversationId after signing (before encryption): the eb:Messaging digest no longer matches.
        IAS4ClientBuildMessageCallback tamper = new IAS4ClientBuildMessageCallback() {
            @Override
            public void onSignedSoapDocument(Document doc) {
                NodeList ids = doc.getElementsByTagNameNS(EB_NS, "ConversationId");
                Node id = ids.item(0);
                id.setTextContent(id.getTextContent() + "-changed");
            }
        };
        Outcome sent = send(messageId, "VNP4BAD" + UUID.randomUUID(), tamper);
        assertThat(sent.result()).isEqualTo(EAS4UserMessageSendResult.AS4_ERROR_MESSAGE_RECEIVED);
        assertThat(sent.signal().getError()).isNotEmpty();
        assertThat(sent.signal().getError().get(0).getErrorCode()).isEqualTo("EBMS:0101");
        assertThat(sent.signedBy()).as("the error signal is signed by central too").isEqualTo(centralCert);
        assertThat(federation.centralDb().queryForObject("select count(*) from as4_message where message_id = ?",
                Integer.class, messageId)).isZero();
    }

    /** What one sending gave. */
    record Outcome(EAS4UserMessageSendResult result, Ebms3SignalMessage signal, X509Certificate signedBy,
                   String nonRepudiation) {
    }

    private Outcome send(String messageId, String certificateNo, IAS4ClientBuildMessageCallback callback) {
        AtomicReference<Ebms3SignalMessage> signal = new AtomicReference<>();
        AtomicReference<X509Certificate> signedBy = new AtomicReference<>();
        AtomicReference<String> nrr = new AtomicReference<>("not-called");
        EAS4UserMessageSendResult result = AS4Sender.builderUserMessage()
                .as4ProfileID(PROFILE_ID) // mandatory for the builder, and a registered profile
                .pmodeResolver(resolver())
                .pmode(sendingPMode) // security (RSA-SHA256, AES-128-GCM), SOAP 1.2, no HTTP retries
                .cryptoFactory(partnerCrypto)
                .receiverCertificate(centralCert) // encrypt for central (RSA-OAEP XENC11, MGF1-SHA256: the defaults)
                .httpRetrySettings(new HttpRetrySettings().setMaxRetries(0))
                .endpointURL(federation.centralUrl() + "/as4")
                .messageID(messageId)
                .conversationID("VN-CO-" + certificateNo)
                .agreementRef(AGREEMENT)
                .service(SERVICE_TYPE, SERVICE) // (type, value)
                .action(ACTION)
                .fromPartyIDType(PARTY_TYPE).fromPartyID(PARTNER).fromRole(CAS4.DEFAULT_INITIATOR_URL)
                .toPartyIDType(PARTY_TYPE).toPartyID(CENTRAL).toRole(CAS4.DEFAULT_RESPONDER_URL)
                .payload(AS4OutgoingAttachment.builder()
                        .data(PartnerWindow.certificateOfOrigin(certificateNo).getBytes(StandardCharsets.UTF_8))
                        .mimeTypeXML() // PartProperties MimeType=application/xml
                        .compressionGZIP()) // PartProperties CompressionType=application/gzip
                .buildMessageCallback(callback)
                .signalMsgConsumer((msg, metadata, state) -> {
                    signal.set(msg);
                    signedBy.set(state.getSigningCertificate());
                })
                .signalMsgValidationResultHdl(new IAS4SignalMessageValidationResultHandler() {
                    @Override
                    public void onSuccess() {
                        nrr.set("success");
                    }

                    @Override
                    public void onError(String errorMsg) {
                        nrr.set("error: " + errorMsg);
                    }

                    @Override
                    public void onNotApplicable() {
                        nrr.set("not-applicable");
                    }
                })
                .sendMessageAndCheckForReceipt(e -> { throw new AssertionError("phase4 could not send", e); });
        return new Outcome(result, signal.get(), signedBy.get(), nrr.get());
    }

    // =========================================== (b) phase4 receives ==========================================

    @Test
    void central_should_deliver_to_phase4_and_accept_phase4s_signed_receipt() {
        String id = InternationalGatewayTest.approvedCertificateOfOrigin(federation);
        Received got = await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .filter(r -> id.equals(r.conversationId())).findFirst().orElse(null), r -> r != null);
        assertThat(got.action()).isEqualTo(ACTION);
        assertThat(got.signedBy()).as("phase4 verified central's signature").isEqualTo(centralCert);
        assertThat(got.payload()).as("decrypted and gunzipped by phase4").contains(
                "urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2", "<cbc:ID>" + id + "</cbc:ID>");
        Map<String, Object> sent = await().atMost(Duration.ofSeconds(30)).until(
                () -> InternationalGatewayTest.out(federation, id),
                row -> "DELIVERED".equals(row.get("status")));
        assertThat((String) sent.get("receipt")).as("phase4's receipt, verified by central and kept")
                .contains("NonRepudiationInformation", "SignatureValue");
    }

    /** The phase4 receiving side: one AS4RequestHandler per request, as phase4's own AS4XServletHandler does. */
    private void phase4Receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpHeaderMap headers = new HttpHeaderMap();
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.addHeader(name, v)));
            Response response = new Response();
            AS4IncomingMessageMetadata metadata = AS4IncomingMessageMetadata.createForRequest()
                    .setRemoteAddr(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .setRemotePort(exchange.getRemoteAddress().getPort())
                    .setHttpHeaders(headers);
            // WebScoped: a (mock) request scope on this thread, as phase4's AS4DumpReader does outside a servlet
            try (WebScoped scope = new WebScoped(); AS4RequestHandler handler = new AS4RequestHandler(metadata)) {
                handler.setCryptoFactory(partnerCrypto);
                handler.setPModeResolver(resolver());
                handler.setIncomingProfileSelector(new AS4IncomingProfileSelectorConstant(PROFILE_ID, true));
                handler.setIncomingAttachmentFactory(IAS4IncomingAttachmentFactory.DEFAULT_INSTANCE);
                handler.setIncomingSecurityConfiguration(AS4IncomingSecurityConfiguration.createDefaultInstance());
                handler.setIncomingReceiverConfiguration(new AS4IncomingReceiverConfiguration());
                handler.setProcessorSupplier(() -> new CommonsArrayList<>(spi));
                handler.handleRequest(exchange.getRequestBody(), headers, response);
            } catch (Exception e) { // Phase4Exception, MessagingException, WSSecurityException, ...
                response.status = 400;
                response.body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                response.contentType = "text/plain; charset=UTF-8";
            }
            response.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (response.contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType);
            }
            byte[] body = response.body == null ? new byte[0] : response.body;
            exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }

    /** Collects what phase4 answers (a signed receipt or error: XML, HTTP 200). */
    private static final class Response implements IAS4ResponseAbstraction {
        int status = 200;
        byte[] body;
        Charset charset;
        String contentType;
        final Map<String, String> headers = new java.util.LinkedHashMap<>();

        @Override
        public void setContent(byte[] bytes, Charset cs) {
            body = bytes;
            charset = cs;
        }

        @Override
        public void setContent(HttpHeaderMap headerMap, IHasInputStream content) {
            headerMap.forEachSingleHeader(headers::put, true); // (consumer, unifyValue) overload of ph-commons 11.2.6
            try (InputStream in = content.getInputStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void setMimeType(IMimeType mimeType) {
            // e.g. application/soap+xml; the charset comes with setContent(byte[], Charset)
            contentType = mimeType.getAsString() + (charset == null ? "" : "; charset=" + charset.name());
        }

        @Override
        public void setStatus(int statusCode) {
            status = statusCode;
        }
    }

    /** Takes every user message; the receipt is made by phase4 from the P-Mode leg (signed, with NRI). */
    private final IAS4IncomingMessageProcessorSPI spi = new IAS4IncomingMessageProcessorSPI() {
        @Override
        public AS4MessageProcessorResult processAS4UserMessage(IAS4IncomingMessageMetadata metadata,
                                                               HttpHeaderMap httpHeaders, Ebms3UserMessage userMessage,
                                                               IPMode pmode, Node soapBodyPayload,
                                                               ICommonsList<WSS4JAttachment> attachments,
                                                               IAS4IncomingMessageState state,
                                                               ICommonsList<Ebms3Error> errors) { // 3.2.2: no AS4ErrorList
            String payload = attachments == null || attachments.isEmpty() ? null
                    : new String(StreamHelper.getAllBytes(attachments.get(0).getInputStreamProvider()),
                            StandardCharsets.UTF_8);
            received.add(new Received(userMessage.getMessageInfo().getMessageId(),
                    userMessage.getMessageInfo().getRefToMessageId(),
                    userMessage.getCollaborationInfo().getAction(),
                    userMessage.getCollaborationInfo().getConversationId(), payload, state.getSigningCertificate()));
            return AS4MessageProcessorResult.createSuccess();
        }

        @Override
        public AS4SignalMessageProcessorResult processAS4SignalMessage(IAS4IncomingMessageMetadata metadata,
                                                                       HttpHeaderMap httpHeaders,
                                                                       Ebms3SignalMessage signalMessage, IPMode pmode,
                                                                       IAS4IncomingMessageState state,
                                                                       ICommonsList<Ebms3Error> errors) {
            return AS4SignalMessageProcessorResult.createSuccess();
        }

        @Override
        public void processAS4ResponseMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                                              String responseMessageId, byte[] responseBytes,
                                              boolean responsePayloadIsAvailable) { // 3.2.2: no error-list parameter
            // nothing: the receipt went back on the HTTP response
        }
    };

    // ============================================== P-Modes ===================================================

    /** phase4 only needs a P-Mode to pick security/leg settings: direction decides which of ours it is. */
    private IAS4PModeResolver resolver() {
        return (pmodeId, service, action, initiatorId, responderId, agreementRef, address) ->
                CENTRAL.equals(initiatorId) ? receivingPMode : sendingPMode;
    }

    /**
     * The project's eDelivery AS4 settings: one-way/push, SOAP 1.2, RSA-SHA256 + SHA-256, AES-128-GCM, signed receipt
     * with non-repudiation on the response. {@code twoLegs}: phase4 takes a user message that has a RefToMessageId
     * (central's CertificateResult) with leg 2, and fails without one (NPE in SoapHeaderElementProcessorWSS4J).
     */
    private static PMode pmode(String id, String initiator, String responder, String address, boolean twoLegs) {
        return new PMode(id,
                new PModeParty(PARTY_TYPE, initiator, CAS4.DEFAULT_INITIATOR_URL, null, null),
                new PModeParty(PARTY_TYPE, responder, CAS4.DEFAULT_RESPONDER_URL, null, null),
                AGREEMENT, EMEP.ONE_WAY, EMEPBinding.PUSH,
                leg(address), twoLegs ? leg(address) : (PModeLeg) null,
                (PModePayloadService) null,
                // no reception-awareness retries in phase4 (else a failure waits 10 s per retry)
                new PModeReceptionAwareness(ETriState.TRUE, ETriState.FALSE, 0, 0L, ETriState.TRUE));
    }

    private static PModeLeg leg(String address) {
        PModeLegSecurity security = new PModeLegSecurity();
        security.setWSSVersion(EWSSVersion.WSS_111);
        security.setX509SignatureAlgorithm(ECryptoAlgorithmSign.RSA_SHA_256);
        security.setX509SignatureHashFunction(ECryptoAlgorithmSignDigest.DIGEST_SHA_256);
        security.setX509EncryptionAlgorithm(ECryptoAlgorithmCrypt.AES_128_GCM);
        security.setX509EncryptionMinimumStrength(128);
        security.setPModeAuthorize(false);
        security.setSendReceipt(true);
        security.setSendReceiptNonRepudiation(true);
        security.setSendReceiptReplyPattern(EPModeSendReceiptReplyPattern.RESPONSE);
        return new PModeLeg(PModeLegProtocol.createForDefaultSoapVersion(address), // SOAP 1.2
                new PModeLegBusinessInformation(SERVICE, SERVICE_TYPE, ACTION, null, null, null, CAS4.DEFAULT_MPC_ID),
                new PModeLegErrorHandling((PModeAddressList) null, (PModeAddressList) null, ETriState.TRUE,
                        ETriState.TRUE, ETriState.TRUE, ETriState.TRUE),
                (PModeLegReliability) null, security);
    }
}
