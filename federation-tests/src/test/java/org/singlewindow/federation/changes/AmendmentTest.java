package org.singlewindow.federation.changes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Changes;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.StandardSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * A declarant amends a submitted goods declaration: the signed new version goes through central to the agencies
 * that received the document, each with its own subset and the fields of it that changed; customs decides; the
 * new version becomes current at both nodes, or the document stays as it was with the refusal shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class AmendmentTest {

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
    void when_customs_approves_an_amendment_the_new_version_should_be_current_at_the_province_and_central() {
        ObjectNode first = Samples.declaration(Samples.ACME_SH);
        String id = declarations.submitted(first, "sh-acme");
        declarations.awaitFinal(id);
        ObjectNode second = Samples.remarks(first.deepCopy(), "corrected gross weight");

        HttpResponse<String> asked = changes.amend("sh-acme", id, second, "06", "录入差错 entry error");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode change = Json.MAPPER.readTree(asked.body());
        assertThat(change.get("version").asInt()).isEqualTo(2);
        assertThat(asked.headers().firstValue("Location")).hasValue("/api/v1/declarations/" + id + "/changes/"
                + change.get("id").asString());

        JsonNode settled = changes.awaitSettled(id, change.get("id").asString());
        assertThat(settled.get("state").asString()).as(settled.toString()).isEqualTo("APPROVED");
        assertThat(settled.get("detail").asString()).contains("GACC");
        JsonNode view = federation.declaration(federation.url(SH), federation.token("sh-acme"), id);
        assertThat(view.get("document").get("data").get("remarks").asString()).isEqualTo("corrected gross weight");
        assertThat(view.get("status").asString()).as("the status stays what it was").isEqualTo("COMPLETED");
        assertThat(view.get("timeline").findValuesAsString("kind")).contains("CHANGE");

        JsonNode versions = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/declarations/" + id
                + "/versions", federation.token("sh-acme")).body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("current").asBoolean()).isTrue();
        assertThat(versions.get(0).get("contentHash").asString()).isNotEqualTo(versions.get(1).get("contentHash")
                .asString());
        JsonNode v1 = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/declarations/" + id
                + "/versions/1", federation.token("sh-acme")).body());
        assertThat(v1).isEqualTo(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> federation.centralDb().queryForObject(
                "select current_version from declaration where id = ?", Integer.class, id) == 2);

        List<LoggedRequest> asks = federation.gacc.findAll(postRequestedFor(urlPathEqualTo(
                "/gacc/declarations/changes")).withRequestBody(containing(id)));
        assertThat(asks).hasSize(1);
        JsonNode toCustoms = Json.MAPPER.readTree(asks.get(0).getBodyAsString());
        assertThat(toCustoms.get("changedFields").toString()).isEqualTo("[\"data.remarks\"]");
        assertThat(toCustoms.get("document").get("data").get("remarks").asString()).isEqualTo("corrected gross weight");
        assertThat(toCustoms.get("agencyStatus").asString()).isEqualTo("RELEASED");
    }

    @Test
    void when_customs_refuses_an_amendment_the_document_should_stay_as_it_was_with_the_refusal_shown() {
        ObjectNode first = Samples.declaration(Samples.ACME_SH);
        String id = declarations.submitted(first, "sh-acme");
        declarations.awaitFinal(id);
        ObjectNode second = Samples.remarks(first.deepCopy(), "SIM:AMEND-REFUSE new consignee");

        HttpResponse<String> asked = changes.amend("sh-acme", id, second, "02", "规格变化 specification changed");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode settled = changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());

        assertThat(settled.get("state").asString()).isEqualTo("REFUSED");
        assertThat(settled.get("answers").findValuesAsString("agency")).contains("GACC");
        assertThat(settled.get("detail").asString()).contains("refused by GACC");
        JsonNode view = federation.declaration(federation.url(SH), federation.token("sh-acme"), id);
        assertThat(view.get("document")).isEqualTo(first);
        JsonNode versions = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/declarations/" + id
                + "/versions", federation.token("sh-acme")).body());
        assertThat(versions.get(0).get("current").asBoolean()).as("version 1 stays current").isTrue();
        assertThat(versions.get(1).get("current").asBoolean()).as("the refused version is kept, not current")
                .isFalse();
    }

    @Test
    void declarant_software_should_amend_with_a_corrected_decmessage_signed_e_port_style() {
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("ACME-XML-0001", "X-" + java.util.UUID.randomUUID().toString().substring(0, 12));
        HttpResponse<String> submitted = federation.post(federation.url(SH) + "/api/v1/declarations",
                federation.token("sh-acme"), "application/xml", new String(federation.signers().xmlSignedBy(
                        Samples.ACME_SH, xml), java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(submitted.body()).get("id").asString();
        declarations.awaitFinal(id);

        String corrected = xml.replace("<NoteS></NoteS>", "<NoteS>更正毛重 corrected</NoteS>");
        HttpResponse<String> asked = federation.post(federation.url(SH) + "/api/v1/declarations/" + id
                        + "/amendments?reasonCode=06&reasonText=" + java.net.URLEncoder.encode("录入差错",
                        java.nio.charset.StandardCharsets.UTF_8), federation.token("sh-acme"), "application/xml",
                new String(federation.signers().xmlSignedBy(Samples.ACME_SH, corrected),
                        java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode settled = changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());
        assertThat(settled.get("state").asString()).isEqualTo("APPROVED");
        assertThat(federation.declaration(federation.url(SH), federation.token("sh-acme"), id).get("document")
                .get("data").get("remarks").asString()).isEqualTo("更正毛重 corrected");
        assertThat(federation.db(SH).queryForObject("select signature from document_version where declaration_id = ?"
                + " and version = 2", String.class, id)).as("the signed DecMessage is the version's signature")
                .startsWith("xmldsig:");
    }
}
