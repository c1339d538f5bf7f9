package org.singlewindow.federation.agencies;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;
import static org.singlewindow.federation.support.ProblemAssert.assertProblem;

/**
 * Receipts are signed by their agency (non-repudiation): what ministries answer and what they post later is
 * verified at central against the agency's certificate and kept with the receipt; anything else is refused with
 * the reason, or (an answer) parked with its request, never recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class SignedReceiptsTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void every_receipt_from_a_ministry_should_carry_its_agencys_verifiable_signature() throws Exception {
        String id = completed();
        List<Map<String, Object>> kept = federation.centralDb().queryForList("select receipt_id, agency, content, "
                + "signature from receipt_signature where declaration_id = ? order by receipt_id", id);
        assertThat(kept).extracting(r -> r.get("agency") + " " + r.get("receipt_id").toString().replaceAll(".*:", ""))
                .contains("GACC ACCEPTED", "GACC 800", "MOFCOM VERIFIED");
        var root = Pem.certificate(Files.readString(federation.dir.resolve("pki/ca.pem")));
        var crl = Pem.crl(Files.readString(federation.dir.resolve("pki/crl.pem")));
        for (Map<String, Object> row : kept) {
            CmsSignatures.Signer signer = CmsSignatures.verifyDetached(
                    Base64.getDecoder().decode(row.get("signature").toString()),
                    row.get("content").toString().getBytes(StandardCharsets.UTF_8), root, crl, Instant.now());
            assertThat(signer.subject().kind()).isEqualTo(Sm2Pki.Kind.AGENCY);
            assertThat(signer.subject().identifier()).isEqualTo(row.get("agency"));
        }
    }

    @Test
    void every_request_to_a_ministry_should_be_signed_by_central_so_a_subset_can_be_proven_too() throws Exception {
        String id = completed();
        var root = Pem.certificate(Files.readString(federation.dir.resolve("pki/ca.pem")));
        for (String agency : List.of("GACC", "MOFCOM")) {
            var call = Ministries.callsFor(federation.ministries.get(agency), id).get(0);
            CmsSignatures.Signer signer = CmsSignatures.verifyDetached(
                    Base64.getDecoder().decode(call.getHeader("X-SW-Signature")),
                    CanonicalJson.canonicalize(Json.MAPPER.readTree(call.getBodyAsString())).getBytes(StandardCharsets.UTF_8),
                    root, null, Instant.now());
            assertThat(signer.subject()).isEqualTo(new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "central",
                    signer.subject().name()));
        }
        assertThat(Ministries.callsFor(federation.ministries.get("MOFCOM"), id).get(0).getBodyAsString())
                .doesNotContain("unitPrice");
    }

    @Test
    void a_later_receipt_unsigned_signed_by_another_agency_or_altered_should_be_refused_and_change_nothing() {
        String id = completed();
        String receipts = federation.centralUrl() + "/api/v1/agency-receipts";
        String body = "{\"receiptId\":\"late-" + id + "\",\"declarationId\":\"" + id + "\",\"status\":\"RELEASED\","
                + "\"code\":\"800\",\"message\":\"复核放行\"}";
        String gacc = federation.token("gacc-sim");
        int events = events(id);
        assertProblem(federation.post(receipts, gacc, "application/json", body), 400, "SIGNATURE_MISSING");
        assertProblem(federation.post(receipts, gacc, "application/json", body,
                federation.signers().agencySignature("MOFCOM", body)), 400, "SIGNER_MISMATCH");
        assertProblem(federation.post(receipts, gacc, "application/json", body.replace("800", "899"),
                federation.signers().agencySignature("GACC", body)), 400, "SIGNATURE_INVALID");
        assertThat(events(id)).isEqualTo(events);

        HttpResponse<String> accepted = federation.post(receipts, gacc, "application/json", body,
                federation.signers().agencySignature("GACC", body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(federation.centralDb().queryForObject("select content from receipt_signature where receipt_id = ?",
                String.class, "late-" + id)).contains("复核放行");
    }

    @Test
    void a_ministry_answer_with_a_forged_signature_should_be_parked_with_its_request_never_recorded() throws Exception {
        String forged = "{\"receipts\":[{\"status\":\"ACCEPTED\",\"code\":\"120\",\"message\":\"forged\"}]}";
        double before = refused("SIGNATURE_INVALID");
        assertParkedWhenCustomsAnswers("TEST:FORGED", forged, federation.signers().agencySignature("MOFCOM", forged), "ACCEPTED");
        assertThat(refused("SIGNATURE_INVALID")).isGreaterThan(before);
    }

    private double refused(String reason) {
        var counter = federation.centralContext().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("sw.signatures.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_genuine_answer_replayed_for_another_request_should_be_parked_never_recorded() throws Exception {
        String answer = "{\"receipts\":[{\"status\":\"RELEASED\",\"code\":\"800\",\"message\":\"replayed\"}]}";
        String forAnother = "{\"answer\":" + answer + ",\"declarationId\":\"another\",\"messageId\":\"another\"}";
        assertParkedWhenCustomsAnswers("TEST:REPLAY", answer, federation.signers().agencySignature("GACC", forAnother), "RELEASED");
    }

    /**
     * Customs answers a declaration marked in its remarks with this answer and signature: the request must end in
     * {@code DLQ.sw.agency.GACC} and the answered status must never be recorded.
     */
    private void assertParkedWhenCustomsAnswers(String marker, String answer, String signature, String status)
            throws Exception {
        federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations")).atPriority(0)
                .withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks", WireMock.containing(marker)))
                .willReturn(WireMock.okJson(answer).withHeader("X-SW-Signature", signature)));
        HttpResponse<String> accepted = federation.submit(SH, federation.token("sh-acme"), Json.MAPPER
                .writeValueAsString(Samples.remarks(Samples.declaration(Samples.ACME_SH), marker)));
        String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        JsonNode parked = federation.parked(new QueueNames().agency("GACC"),
                m -> id.equals(m.path("declarationId").asString()));
        assertThat(parked.get("reason").asString()).as("the GACC request in DLQ.sw.agency.GACC, and why")
                .isIn("SIGNATURE_INVALID", "SIGNER_MISMATCH", "SIGNATURE_MISSING", "SIGNATURE_MALFORMED");
        assertThat(federation.centralDb().queryForObject("select count(*) from declaration_event where "
                + "declaration_id = ? and agency = 'GACC' and status = ?", Integer.class, id, status)).isZero();
    }

    /** A goods declaration submitted at Shanghai, once COMPLETED. */
    private String completed() {
        HttpResponse<String> accepted = federation.submit(SH, federation.token("sh-acme"),
                Json.MAPPER.writeValueAsString(Samples.declaration(Samples.ACME_SH)));
        String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode d = federation.declaration(federation.url(SH), federation.token("sh-acme"), id);
            return d.get("status").asString().equals("COMPLETED");
        });
        return id;
    }

    private int events(String id) {
        return federation.centralDb().queryForObject("select count(*) from declaration_event where declaration_id = ?",
                Integer.class, id);
    }
}
