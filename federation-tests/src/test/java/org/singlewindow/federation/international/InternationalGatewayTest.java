package org.singlewindow.federation.international;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.StandardSamples;
import org.singlewindow.partnerwindow.PartnerWindow;
import org.singlewindow.tools.As4Keys;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Central's AS4 gateway against a partner window written apart from it ({@code deploy/local/partner-window}: no
 * WSS4J, none of our code): certificates of origin out, certificates in, both ways signed, encrypted and receipted,
 * with a lost receipt, a duplicate and a bad signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternationalGatewayTest {

    private Federation federation;
    private PartnerWindow partner;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("as4");
        As4Keys.create(keys, "CN-EPORT", "dev-as4-password", Federation.CLOCK.instant());
        partner = new PartnerWindow(0, keys, org.singlewindow.security.Pem.certificate(
                java.nio.file.Files.readString(keys.resolve("CN-EPORT.pem"))), null);
        federation = Federation.prepare(dir, "--sw.as4.enabled=true",
                "--sw.as4.key-store=" + keys.resolve("CN-EPORT.p12"), "--sw.as4.key-store-password=dev-as4-password",
                "--sw.as4.partners.VN-NSW.endpoint=http://127.0.0.1:" + partner.port() + "/as4",
                "--sw.as4.partners.VN-NSW.certificate=" + keys.resolve("VN-NSW.pem"),
                "--sw.as4.partners.VN-NSW.countries=VNM",
                "--sw.as4.retry.first-delay=200ms", "--sw.as4.retry.max-delay=1s", "--sw.as4.retry.interval=100ms",
                "--sw.as4.handover.interval=100ms");
        federation.startCentral();
        federation.startProvince(SH);
        partner.pointAt(URI.create(federation.centralUrl() + "/as4"));
    }

    @AfterAll
    void stop() {
        if (federation != null) {
            federation.close();
        }
        if (partner != null) {
            partner.close();
        }
    }

    @Test
    void a_certificate_of_origin_customs_approved_should_reach_the_partner_window_and_its_result_come_back() {
        String id = approvedCertificateOfOrigin();
        PartnerWindow.Received got = await().atMost(Duration.ofSeconds(30)).until(() -> partner.received().stream()
                .filter(r -> id.equals(r.conversationId())).findFirst().orElse(null), r -> r != null);
        assertThat(got.action()).isEqualTo("SubmitCertificateOfOrigin");
        assertThat(got.payload()).as("a UBL certificate of origin").contains(
                "urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2", "<cbc:ID>" + id + "</cbc:ID>",
                "<cbc:Description>FORM_E</cbc:Description>", "Hanoi Trading JSC");
        Map<String, Object> sent = await().atMost(Duration.ofSeconds(30)).until(() -> out(id),
                row -> "ACCEPTED".equals(row.get("result_status")));
        assertThat(sent.get("status")).isEqualTo("DELIVERED");
        assertThat((String) sent.get("receipt")).as("the partner's signed receipt is kept")
                .contains("NonRepudiationInformation", "SignatureValue");
    }

    @Test
    void a_lost_receipt_should_be_sent_again_and_the_partner_keep_the_certificate_once() {
        partner.loseReceipts(1);
        String id = approvedCertificateOfOrigin();
        Map<String, Object> sent = await().atMost(Duration.ofSeconds(30)).until(() -> out(id),
                row -> "DELIVERED".equals(row.get("status")));
        assertThat(((Number) sent.get("attempts")).intValue()).as("tried again after the lost receipt")
                .isGreaterThanOrEqualTo(2);
        List<PartnerWindow.Received> copies = partner.received().stream()
                .filter(r -> id.equals(r.conversationId())).toList();
        assertThat(copies).as("kept once").hasSize(1);
        assertThat(copies.get(0).copies()).as("but it came twice").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_partner_certificate_of_origin_should_be_verified_handed_to_customs_and_answered() throws Exception {
        PartnerWindow.Sent sent = partner.sendCertificateOfOrigin("VN" + UUID.randomUUID(), false);
        assertThat(sent.httpStatus()).isEqualTo(200);
        assertThat(sent.receiptValid()).as("central's signed receipt acknowledges what we signed").isTrue();
        PartnerWindow.Received result = awaitResultFor(sent.messageId());
        assertThat(result.payload()).contains("<Status>ACCEPTED</Status>");
        assertThat(federation.gacc.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/gacc/foreign-certificates"))
                .withHeader("X-Message-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(sent.messageId()))))
                .as("GACC got it as a document of its own").hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("CertificateOfOrigin"));
        Map<String, Object> row = stored(sent.messageId());
        assertThat((String) row.get("result_signed")).as("GACC's signed answer kept as evidence")
                .contains(sent.messageId(), "ACCEPTED");
        assertThat(row.get("result_signature")).isNotNull();
        assertThat((String) row.get("payload")).as("sealed at rest").doesNotContain("CertificateOfOrigin");
    }

    @Test
    void a_customs_answer_signed_by_another_agency_should_not_be_taken_nor_sent_back() throws Exception {
        String certificate = "VNFORGED" + UUID.randomUUID();
        String answer = "{\"status\":\"REJECTED\",\"message\":\"forged\"}";
        federation.gacc.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/gacc/foreign-certificates"))
                .atPriority(0).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(certificate))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(answer).withHeader(
                        "X-SW-Signature", federation.signers().agencySignature("MOFCOM", answer))));
        PartnerWindow.Sent sent = partner.sendCertificateOfOrigin(certificate, false);
        assertThat(sent.receiptValid()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> federation.gacc.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/gacc/foreign-certificates"))
                        .withHeader("X-Message-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                sent.messageId()))).size() >= 2);
        assertThat(stored(sent.messageId())).as("asked again, never taken").containsEntry("status", "RECEIVED");
        assertThat(partner.received().stream().filter(r -> sent.messageId().equals(r.refToMessageId())))
                .as("nothing sent back").isEmpty();
    }

    @Test
    void a_partner_ephyto_should_be_handed_to_customs_and_answered() throws Exception {
        PartnerWindow.Sent sent = partner.sendPhytosanitaryCertificate("VNPHY" + UUID.randomUUID(), false);
        assertThat(sent.receiptValid()).isTrue();
        assertThat(awaitResultFor(sent.messageId()).payload()).contains("<Status>ACCEPTED</Status>");
        assertThat(stored(sent.messageId())).containsEntry("document", "SPS_CERTIFICATE");
    }

    @Test
    void a_duplicate_from_the_partner_should_get_a_receipt_and_reach_customs_once() throws Exception {
        PartnerWindow.Sent first = partner.sendCertificateOfOrigin("VN" + UUID.randomUUID(), false);
        awaitResultFor(first.messageId());
        PartnerWindow.Sent again = partner.resend(first.messageId());
        assertThat(again.receiptValid()).as("a duplicate is acknowledged, its receipt acknowledging this sending's "
                + "eb:Messaging, Body and payload").isTrue();
        assertThat(federation.gacc.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/gacc/foreign-certificates"))
                .withHeader("X-Message-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(first.messageId()))))
                .as("handed over once").hasSize(1);
        assertThat(partner.received().stream().filter(r -> first.messageId().equals(r.refToMessageId())))
                .as("answered once").hasSize(1);
    }

    @Test
    void a_message_whose_signature_does_not_match_should_be_refused_and_leave_nothing() throws Exception {
        PartnerWindow.Sent sent = partner.sendCertificateOfOrigin("VN" + UUID.randomUUID(), true);
        assertThat(sent.httpStatus()).as("the signed error signal, as eDelivery access points answer").isEqualTo(200);
        assertThat(sent.errorCode()).isEqualTo("EBMS:0101");
        assertThat(federation.centralDb().queryForObject("select count(*) from as4_message where message_id = ?",
                Integer.class, sent.messageId())).isZero();
    }

    @Test
    void a_payload_should_be_read_as_its_part_properties_declare_and_refused_naming_what_breaks_its_p_mode()
            throws Exception {
        try {
            partner.declare("application/xml", null);
            PartnerWindow.Sent plain = partner.sendPhytosanitaryCertificate("VNPHY" + UUID.randomUUID(), false);
            assertThat(plain.receiptValid()).as("no CompressionType: taken as it is").isTrue();
            assertThat(awaitResultFor(plain.messageId()).payload()).contains("<Status>ACCEPTED</Status>");

            partner.declare("application/xml", "application/x-bzip2");
            PartnerWindow.Sent other = partner.sendPhytosanitaryCertificate("VNPHY" + UUID.randomUUID(), false);
            assertThat(other.httpStatus()).isEqualTo(200);
            assertThat(other.errorCode()).isEqualTo("EBMS:0303");

            partner.declare("application/pdf", null);
            PartnerWindow.Sent pdf = partner.sendPhytosanitaryCertificate("VNPHY" + UUID.randomUUID(), false);
            assertThat(pdf.errorCode()).as("the P-Mode carries an XML document").isEqualTo("EBMS:0010");
            assertThat(federation.centralDb().queryForObject("select count(*) from as4_message where message_id in "
                    + "(?, ?)", Integer.class, other.messageId(), pdf.messageId())).isZero();
        } finally {
            partner.declare("application/xml", "application/gzip");
        }
    }

    @Test
    void operators_should_see_the_messages_both_ways() {
        HttpResponse<String> list = federation.get(federation.centralUrl() + "/api/v1/international/messages",
                federation.token("ops-central"));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        HttpResponse<String> trader = federation.get(federation.centralUrl() + "/api/v1/international/messages",
                federation.token("sh-acme"));
        assertThat(trader.statusCode()).isEqualTo(403);
    }

    private String approvedCertificateOfOrigin() {
        return approvedCertificateOfOrigin(federation);
    }

    /** A FORM_E certificate of origin submitted at Shanghai and approved (it goes to VNM): its declaration id. */
    static String approvedCertificateOfOrigin(Federation federation) {
        ObjectNode document = StandardSamples.load("origin-certificate");
        document.put("clientReference", "CO-" + UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> response = federation.submit(SH, federation.token("sh-acme"),
                Json.MAPPER.writeValueAsString(document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        assertThat(new StandardDeclarations(federation).awaitFinal(id).get("status").asString())
                .isEqualTo("COMPLETED");
        return id;
    }

    private PartnerWindow.Received awaitResultFor(String messageId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> partner.received().stream()
                .filter(r -> messageId.equals(r.refToMessageId())).findFirst().orElse(null), r -> r != null);
    }

    private Map<String, Object> out(String declarationId) {
        return out(federation, declarationId);
    }

    /** The AS4 message central sends for a declaration (empty until there is one). */
    static Map<String, Object> out(Federation federation, String declarationId) {
        List<Map<String, Object>> rows = federation.centralDb().queryForList(
                "select * from as4_message where conversation_id = ? and direction = 'OUT'", declarationId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private Map<String, Object> stored(String messageId) {
        return federation.centralDb().queryForMap("select * from as4_message where message_id = ?", messageId);
    }
}
