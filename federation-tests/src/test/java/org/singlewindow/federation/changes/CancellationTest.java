package org.singlewindow.federation.changes;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Changes;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * A declarant withdraws a document. Before central dispatched it the withdrawal takes effect at once and nothing
 * reaches an agency, even when central is down and the document waits on the link; after dispatch the agencies
 * involved are asked, and customs decides (it refuses once it released the goods).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class CancellationTest {

    private Federation federation;
    private StandardDeclarations declarations;
    private Changes changes;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
        changes = new Changes(shared);
    }

    @Test
    void when_central_is_down_a_cancellation_should_take_effect_at_once_and_nothing_should_reach_an_agency() {
        // central signs tokens, and the province learns its keys on first use: both while central is up
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations", federation.token("sh-acme"))
                .statusCode()).isEqualTo(200);
        federation.stopCentral();
        String id;
        try {
            id = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
            HttpResponse<String> cancelled = changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "交易取消 deal off");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(cancelled.body()).get("state").asString()).isEqualTo("APPROVED");
            assertThat(federation.declaration(federation.url(SH), federation.token("sh-acme"), id).get("status")
                    .asString()).isEqualTo("CANCELLED");
        } finally {
            federation.startCentral();
        }
        String later = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
        declarations.awaitFinal(later);
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.db(SH).queryForObject(
                "select handed_over_at is not null from declaration where id = ?", Boolean.class, later));
        assertThat(Ministries.callsFor(federation.gacc, id)).isEmpty();
        assertThat(Ministries.callsFor(federation.mofcom, id)).isEmpty();
        assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                Integer.class, id)).as("central never saw it").isZero();
        assertThat(federation.db(SH).queryForObject("select handed_over_at from declaration where id = ?",
                java.sql.Timestamp.class, id)).isNull();
    }

    @Test
    void after_dispatch_a_cancellation_the_agencies_confirm_should_end_the_document_cancelled() {
        String id = processing("SIM:HOLD awaiting cancellation");
        HttpResponse<String> asked = changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "合同取消 contract void");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode settled = changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());
        assertThat(settled.get("state").asString()).as(settled.toString()).isEqualTo("APPROVED");
        assertThat(settled.get("answers").findValuesAsString("agency")).contains("GACC");
        await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(federation.declaration(
                federation.url(SH), federation.token("sh-acme"), id).get("status").asString()));
        assertThat(federation.centralDb().queryForObject("select status from declaration where id = ?",
                String.class, id)).isEqualTo("CANCELLED");
    }

    @Test
    void a_cancellation_customs_refuses_should_leave_the_document_as_it_was_with_the_refusal_shown() {
        String id = processing("SIM:HOLD keep");
        HttpResponse<String> asked = changes.cancel("sh-acme", Samples.ACME_SH, id, "99",
                "SIM:CANCEL-REFUSE change of mind");
        JsonNode settled = changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());
        assertThat(settled.get("state").asString()).isEqualTo("REFUSED");
        assertThat(settled.get("detail").asString()).contains("refused by GACC");
        assertThat(federation.declaration(federation.url(SH), federation.token("sh-acme"), id).get("status")
                .asString()).isEqualTo("PROCESSING");
    }

    @Test
    void customs_should_refuse_to_cancel_goods_it_released() {
        federation.stopMinistry("MOFCOM");
        try {
            String id = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
            await().atMost(Duration.ofSeconds(30)).until(() -> "RELEASED".equals(Federation.agencyStatus(
                    federation.declaration(federation.url(SH), federation.token("sh-acme"), id), "GACC")));
            HttpResponse<String> asked = changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "买方违约 buyer default");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            String changeId = Json.MAPPER.readTree(asked.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> changes.change(federation.centralUrl(), id, changeId)
                    .path("state").asString().equals("REFUSED"));
            JsonNode settled = changes.awaitSettled(id, changeId);
            assertThat(settled.get("answers").toString()).contains("CHG-800");
        } finally {
            federation.startMinistry("MOFCOM");
        }
    }

    @Test
    void declarant_software_should_withdraw_with_a_decwithdrawal_signed_e_port_style() {
        String id = processing("SIM:HOLD withdrawn by XML");
        String other = withdrawal(java.util.UUID.randomUUID().toString());
        HttpResponse<String> wrongDocument = postXml(id, new String(federation.signers().xmlSignedBy(Samples.ACME_SH,
                other), StandardCharsets.UTF_8));
        assertThat(wrongDocument.statusCode()).as(wrongDocument.body()).isEqualTo(400);
        assertThat(wrongDocument.body()).contains("/DecWithdrawal/SeqNo").contains("SEQ_NO_MISMATCH");
        String signed = new String(federation.signers().xmlSignedBy(Samples.ACME_SH, withdrawal(id)),
                StandardCharsets.UTF_8);
        HttpResponse<String> tampered = postXml(id, signed.replace("交易取消", "交易暂停"));
        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("SIGNATURE_INVALID");
        HttpResponse<String> unknown = postXml(id, withdrawal(id).replace("<ReasonText>",
                "<Extra>x</Extra><ReasonText>"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("/DecWithdrawal/Extra");
        assertThat(federation.db(SH).queryForObject("select count(*) from declaration_change where declaration_id = ?",
                Integer.class, id)).as("a refused withdrawal keeps nothing").isZero();

        HttpResponse<String> asked = postXml(id, signed);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode settled = changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());
        assertThat(settled.get("state").asString()).as(settled.toString()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(federation.declaration(
                federation.url(SH), federation.token("sh-acme"), id).get("status").asString()));
        assertThat(federation.centralDb().queryForObject("select signature from declaration_change where"
                + " declaration_id = ?", String.class, id)).as("central checked the signed withdrawal and keeps it")
                .startsWith("xmldsig:");
        assertThat(federation.db(SH).queryForObject("select signature from declaration_change where"
                + " declaration_id = ?", String.class, id)).startsWith("xmldsig:");
    }

    private static String withdrawal(String id) {
        return "<DecWithdrawal xmlns=\"urn:singlewindow:dec-withdrawal:1\"><SeqNo>" + id + "</SeqNo>"
                + "<ReasonCode>05</ReasonCode><ReasonText>交易取消 deal off</ReasonText></DecWithdrawal>";
    }

    private HttpResponse<String> postXml(String id, String xml) {
        return federation.post(federation.url(SH) + "/api/v1/declarations/" + id + "/cancellations",
                federation.token("sh-acme"), "application/xml", xml, null);
    }

    /** A goods declaration customs accepted and holds: dispatched, not final. */
    private String processing(String remarks) {
        ObjectNode document = Samples.remarks(Samples.declaration(Samples.ACME_SH), remarks);
        String id = declarations.submitted(document, "sh-acme");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(Federation.agencyStatus(
                federation.declaration(federation.url(SH), federation.token("sh-acme"), id), "GACC")));
        return id;
    }
}
