package org.singlewindow.federation.intake;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.DataMinimization;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.StandardSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Every function of the standard edition through a provincial node: each document type reaches exactly its
 * agencies and comes back with their receipts, and no agency ever receives a field outside its data subset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class StandardDocumentsTest {

    private Federation federation;
    private StandardDeclarations declarations;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("goods-declaration", List.of("GACC", "MOFCOM")),
                Arguments.of("goods-declaration-export", List.of("GACC", "SAFE")),
                Arguments.of("manifest", List.of("GACC", "MSA", "NIA")),
                Arguments.of("transport-means", List.of("MSA", "NIA", "GACC")),
                Arguments.of("transport-means-aircraft", List.of("NIA", "GACC")),
                Arguments.of("licence-application", List.of("MOFCOM")),
                Arguments.of("origin-certificate", List.of("GACC")),
                Arguments.of("origin-certificate-ccpit", List.of("CCPIT")),
                Arguments.of("enterprise-qualification", List.of("GACC")));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void each_document_should_reach_exactly_its_agencies_and_complete(String sample, List<String> agencies) {
        ObjectNode document = StandardSamples.load(sample);
        String id = submitted(document);
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertRoutedExactlyTo(id, document, agencies, done);
    }

    @Test
    void a_tax_payment_should_reach_the_bank_in_full_and_customs_without_the_account() {
        String goods = submitted(StandardSamples.load("goods-declaration"));
        ObjectNode payment = StandardSamples.load("tax-payment", Map.of("GOODS_DECLARATION_ID", goods));
        String id = submitted(payment);
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertRoutedExactlyTo(id, payment, List.of("BANK", "GACC"), done);
        assertThat(Ministries.callsFor(federation.ministries.get("GACC"), id).get(0).getBodyAsString())
                .doesNotContain("1001234509876543210", "accountNumber");
        assertThat(Ministries.callsFor(federation.ministries.get("BANK"), id).get(0).getBodyAsString())
                .contains("1001234509876543210").doesNotContain(goods);
        LoggedRequest toCustoms = Ministries.callsFor(federation.ministries.get("GACC"), id).get(0);
        JsonNode basedOn = Json.MAPPER.readTree(toCustoms.getBodyAsString()).get("basedOn");
        assertThat(basedOn).hasSize(1);
        assertThat(basedOn.get(0).get("agency").asString()).isEqualTo("BANK");
        assertThat(basedOn.get(0).get("status").asString()).isEqualTo("VERIFIED");
        LoggedRequest toBank = Ministries.callsFor(federation.ministries.get("BANK"), id).get(0);
        assertThat(toCustoms.getLoggedDate()).isAfterOrEqualTo(toBank.getLoggedDate());
    }

    @Test
    void when_the_bank_refuses_a_payment_customs_should_never_hear_of_it_and_it_should_end_rejected() {
        String goods = submitted(StandardSamples.load("goods-declaration"));
        ObjectNode payment = StandardSamples.load("tax-payment", Map.of("GOODS_DECLARATION_ID", goods));
        ((ObjectNode) payment.get("data")).put("remarks", "SIM:REJECT");
        String id = submitted(payment);
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(Federation.agency(done, "BANK").get("status").asString()).isEqualTo("REJECTED");
        assertThat(Federation.agency(done, "GACC").get("status").asString()).isEqualTo("SKIPPED");
        assertThat(Ministries.callsFor(federation.ministries.get("GACC"), id)).isEmpty();
    }

    @Test
    void a_tax_rebate_before_the_exports_release_should_be_refused_with_the_reason_then_accepted_after_it() {
        String export = submitted(StandardSamples.load("goods-declaration-export"));
        ObjectNode rebate = StandardSamples.load("tax-rebate", Map.of("EXPORT_DECLARATION_ID", export));
        int before = stored();
        HttpResponse<String> early = federation.submit(SH, token(), Json.MAPPER.writeValueAsString(rebate));
        assertProblem(early, 422, "REFERENCE_INVALID", "$.data.exportDeclarationId NOT_RELEASED DECLARATION_ID");
        assertThat(Json.MAPPER.readTree(early.body()).get("detail").asString()).contains("not been released by GACC");
        assertThat(stored()).isEqualTo(before);

        assertThat(awaitFinal(export).get("status").asString()).isEqualTo("COMPLETED");
        String id = submitted(rebate);
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertRoutedExactlyTo(id, rebate, List.of("STA"), done);
    }

    @Test
    void a_tax_rebate_for_an_import_should_be_refused() {
        String imported = submitted(StandardSamples.load("goods-declaration"));
        ObjectNode rebate = StandardSamples.load("tax-rebate", Map.of("EXPORT_DECLARATION_ID", imported));
        assertProblem(federation.submit(SH, token(), Json.MAPPER.writeValueAsString(rebate)), 422, "REFERENCE_INVALID",
                "$.data.exportDeclarationId REFERENCE_MISMATCH DECLARATION_ID");
    }

    @Test
    void a_two_step_declaration_should_complete_only_with_its_own_summary() {
        String summary = submitted(StandardSamples.load("goods-declaration-summary"));
        int before = stored();
        ObjectNode orphan = StandardSamples.load("goods-declaration-complete",
                Map.of("SUMMARY_ID", "3f2b8c1e-9d4a-4e2f-8b6c-1a2b3c4d5e6f"));
        assertProblem(federation.submit(SH, token(), Json.MAPPER.writeValueAsString(orphan)), 422, "REFERENCE_INVALID",
                "$.data.summaryDeclarationId REFERENCE_NOT_FOUND DECLARATION_ID");

        ObjectNode othersSummary = StandardSamples.load("goods-declaration-summary");
        othersSummary.set("declarant", Json.MAPPER.createObjectNode().put("uscc", Samples.OTHER_SH));
        ((ObjectNode) othersSummary.get("data").get("consigneeConsignor")).put("uscc", Samples.OTHER_SH);
        String theirs = submitted(othersSummary, "sh-other");
        ObjectNode borrowed = StandardSamples.load("goods-declaration-complete", Map.of("SUMMARY_ID", theirs));
        assertProblem(federation.submit(SH, token(), Json.MAPPER.writeValueAsString(borrowed)), 422, "REFERENCE_INVALID",
                "$.data.summaryDeclarationId REFERENCE_NOT_FOUND DECLARATION_ID");

        String oneStep = submitted(StandardSamples.load("goods-declaration"));
        ObjectNode notASummary = StandardSamples.load("goods-declaration-complete", Map.of("SUMMARY_ID", oneStep));
        assertProblem(federation.submit(SH, token(), Json.MAPPER.writeValueAsString(notASummary)), 422,
                "REFERENCE_INVALID", "$.data.summaryDeclarationId REFERENCE_MISMATCH DECLARATION_ID");
        assertThat(stored()).isEqualTo(before + 2);

        String complete = submitted(StandardSamples.load("goods-declaration-complete", Map.of("SUMMARY_ID", summary)));
        assertThat(awaitFinal(complete).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(awaitFinal(summary).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void documents_should_be_stored_sealed_with_sm4_at_every_node() {
        String id = submitted(StandardSamples.load("goods-declaration"));
        awaitFinal(id);
        String atProvince = federation.db(SH).queryForObject("select payload from declaration where id = ?",
                String.class, id);
        String atCentral = federation.centralDb().queryForObject("select payload from declaration where id = ?",
                String.class, id);
        assertThat(atProvince).startsWith("sm4gcm:dev-province-1:").doesNotContain("ACME-C-2026-118");
        assertThat(atCentral).startsWith("sm4gcm:dev-central-1:").doesNotContain("ACME-C-2026-118");
        assertThat(federation.declaration(federation.url(SH), token(), id).get("document").toString())
                .contains("ACME-C-2026-118");
    }

    @Test
    void an_invalid_document_should_name_every_offending_element_and_store_nothing() {
        ObjectNode manifest = StandardSamples.load("manifest");
        ((ObjectNode) manifest.get("data")).put("totalPackages", 1);
        ((ObjectNode) manifest.get("data").get("transportMeans")).put("imoNumber", "9074728");
        int before = stored();
        HttpResponse<String> response = federation.submit(SH, token(), Json.MAPPER.writeValueAsString(manifest));
        assertProblem(response, 400, "VALIDATION_FAILED", "$.data.totalPackages TOTAL_MISMATCH PACKAGE_COUNT",
                "$.data.transportMeans.imoNumber CHECK_CHARACTER IMO_NUMBER");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void the_directory_and_schemas_should_be_served_to_anyone_on_every_node() {
        for (String node : List.of(federation.url(SH), federation.centralUrl())) {
            HttpResponse<String> directory = federation.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node + "/api/v1/directory")).GET().build());
            assertThat(directory.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(directory.body());
            assertThat(body.get("documentTypes")).hasSize(DocumentType.values().length);
            assertThat(body.get("elements").toString()).contains("CONTAINER_NUMBER", "ISO6346", "\"untdedId\":\"8260\"");
            HttpResponse<String> schema = federation.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node + "/api/v1/schemas/MANIFEST")).GET().build());
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(schema.body()).get("$schema").asString()).contains("2020-12");
            assertThat(federation.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node + "/api/v1/schemas/NOPE")).GET().build()).statusCode()).isEqualTo(404);
        }
    }

    /** Exactly these agencies got the document, once each, and none got a field outside its subset. */
    private void assertRoutedExactlyTo(String id, ObjectNode document, List<String> agencies, JsonNode done) {
        List<String> routed = new ArrayList<>();
        done.get("agencies").forEach(a -> routed.add(a.get("agency").asString()));
        assertThat(routed).containsExactlyInAnyOrderElementsOf(agencies);
        DocumentType type = DocumentType.valueOf(document.get("documentType").asString());
        for (Map.Entry<String, com.github.tomakehurst.wiremock.WireMockServer> ministry : federation.ministries.entrySet()) {
            List<LoggedRequest> calls = Ministries.callsFor(ministry.getValue(), id);
            assertThat(calls).as(ministry.getKey()).hasSize(agencies.contains(ministry.getKey()) ? 1 : 0);
            List<String> subset = Directory.standard().subset(AgencyCode.valueOf(ministry.getKey()), type);
            for (LoggedRequest call : calls) {
                JsonNode received = Json.MAPPER.readTree(call.getBodyAsString()).get("document");
                for (String leaf : DataMinimization.leafPaths(received)) {
                    assertThat(DataMinimization.covered(leaf, subset)).as(ministry.getKey() + " received " + leaf).isTrue();
                }
            }
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String code, String... errors) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("path").asString() + " " + e.get("code").asString() + " "
                + e.path("elementId").asString("null")));
        assertThat(found).containsExactlyInAnyOrder(errors);
        problem.get("errors").forEach(e -> assertThat(e.get("messageZh").asString()).isNotBlank());
    }

    private String submitted(ObjectNode document) {
        return declarations.submitted(document, "sh-acme");
    }

    private String submitted(ObjectNode document, String client) {
        return declarations.submitted(document, client);
    }

    private String token() {
        return federation.token("sh-acme");
    }

    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class);
    }

    private JsonNode awaitFinal(String id) {
        return declarations.awaitFinal(id);
    }
}
