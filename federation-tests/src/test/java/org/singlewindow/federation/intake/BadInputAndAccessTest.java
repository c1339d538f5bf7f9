package org.singlewindow.federation.intake;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;
import static org.singlewindow.federation.support.ProblemAssert.assertProblem;
import static org.singlewindow.federation.support.ProblemAssert.errors;

/**
 * Refusals: bad input gets a bilingual problem detail naming every offending field and changes nothing; a
 * declarant can neither read nor submit for another enterprise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class BadInputAndAccessTest {

    private Federation federation;
    private Map<String, Integer> before;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @BeforeEach
    void count() {
        before = stored();
    }

    @Test
    void malformed_json_should_get_400_and_store_nothing() {
        HttpResponse<String> response = submit("sh-acme", "{\"documentType\": \"GOODS_DECLARATION\", ");
        assertProblem(response, 400, "MALFORMED_JSON");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void missing_fields_should_all_be_named_at_once() {
        ObjectNode d = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) d.get("data")).remove("currency");
        ((ObjectNode) d.get("data").get("items").get(0)).remove("hsCode");
        d.remove("clientReference");
        JsonNode problem = assertProblem(submit("sh-acme", Samples.json(d)), 400, "VALIDATION_FAILED");
        assertThat(errors(problem)).contains("$.data.currency REQUIRED", "$.data.items[0].hsCode REQUIRED",
                "$.clientReference REQUIRED");
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("messageZh").asString()).isNotBlank();
        assertThat(first.get("messageEn").asString()).isNotBlank();
        assertThat(problem.get("titleZh").asString()).isEqualTo("申报数据有误");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_uscc_with_a_wrong_check_character_should_be_refused() {
        ObjectNode d = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) d.get("data").get("consigneeConsignor")).put("uscc", "91310115MA1H7G0X0A");
        JsonNode problem = assertProblem(submit("sh-acme", Samples.json(d)), 400, "VALIDATION_FAILED");
        assertThat(errors(problem)).containsExactly("$.data.consigneeConsignor.uscc CHECK_CHARACTER");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void wrong_codes_should_be_named_with_their_paths() {
        ObjectNode d = Samples.declaration(Samples.ACME_SH);
        ObjectNode data = (ObjectNode) d.get("data");
        data.put("tradeCountry", "XXX");
        data.put("currency", "ABC");
        data.put("portCustoms", "22A1");
        data.put("direction", "SIDEWAYS");
        ((ObjectNode) data.get("items").get(0)).put("hsCode", "84713");
        JsonNode problem = assertProblem(submit("sh-acme", Samples.json(d)), 400, "VALIDATION_FAILED");
        assertThat(errors(problem)).contains("$.data.tradeCountry CODE_UNKNOWN", "$.data.currency CODE_UNKNOWN",
                "$.data.portCustoms FORMAT", "$.data.direction CODE_UNKNOWN", "$.data.items[0].hsCode FORMAT");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void totals_that_do_not_add_up_should_be_refused() {
        ObjectNode d = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) d.get("data").get("items").get(0)).put("totalPrice", new java.math.BigDecimal("12000.01"));
        JsonNode problem = assertProblem(submit("sh-acme", Samples.json(d)), 400, "VALIDATION_FAILED");
        assertThat(errors(problem)).containsExactly("$.data.items[0].totalPrice TOTAL_MISMATCH");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_oversized_body_should_get_413() {
        ObjectNode d = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) d.get("data")).put("remarks", "x".repeat(300_000));
        assertProblem(submit("sh-acme", Samples.json(d)), 413, "BODY_TOO_LARGE");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_should_get_415() {
        HttpResponse<String> response = federation.post(federation.url(SH) + "/api/v1/declarations",
                federation.token("sh-acme"), "text/plain", "hello");
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void without_a_token_should_get_401() {
        HttpResponse<String> response = federation.post(federation.url(SH) + "/api/v1/declarations", null,
                "application/json", Samples.json(Samples.declaration(Samples.ACME_SH)));
        assertProblem(response, 401, "UNAUTHENTICATED");
        HttpResponse<String> forged = federation.post(federation.url(SH) + "/api/v1/declarations",
                federation.token("sh-acme").replaceAll(".....$", "AAAAA"), "application/json",
                Samples.json(Samples.declaration(Samples.ACME_SH)));
        assertProblem(forged, 401, "UNAUTHENTICATED");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_declarant_should_not_submit_for_another_enterprise() {
        HttpResponse<String> response = submit("sh-other", Samples.json(Samples.declaration(Samples.ACME_SH)));
        JsonNode problem = assertProblem(response, 403, "USCC_MISMATCH");
        assertThat(errors(problem)).containsExactly("$.declarant.uscc USCC_MISMATCH");
        assertProblem(submit("gacc-sim", Samples.json(Samples.declaration(Samples.ACME_SH))), 403, "NOT_A_DECLARANT");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_declarant_should_not_see_another_enterprises_declaration() {
        HttpResponse<String> mine = submit("sh-acme", Samples.json(Samples.declaration(Samples.ACME_SH)));
        String id = Json.MAPPER.readTree(mine.body()).get("id").asString();
        String other = federation.token("sh-other");
        assertProblem(federation.get(federation.url(SH) + "/api/v1/declarations/" + id, other), 403,
                "NOT_YOUR_DOCUMENT");
        assertProblem(federation.get(federation.url(SH) + "/api/v1/declarations/" + id + "/events", other), 403,
                "NOT_YOUR_DOCUMENT");
        assertProblem(federation.get(federation.url(SH) + "/api/v1/declarations/00000000-0000-0000-0000-000000000000",
                other), 404, "NOT_FOUND");
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations?size=100", other).body()).doesNotContain(id);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations/" + id,
                federation.token("sh-acme")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_node_operator_should_operate_only_its_own_provinces_node() {
        String id = Json.MAPPER.readTree(submit("sh-acme", Samples.json(Samples.declaration(Samples.ACME_SH))).body())
                .get("id").asString();
        String declaration = federation.url(SH) + "/api/v1/declarations/" + id;
        assertThat(federation.get(declaration, federation.token("ops-310000")).statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(federation.get(declaration, federation.token("ops-310000")).body())
                .has("document")).isFalse();
        assertProblem(federation.get(declaration, federation.token("ops-440000")), 403, "NOT_YOUR_NODE");
        assertProblem(federation.get(declaration, federation.token("gacc-sim")), 403, "ROLE_REQUIRED");
        assertProblem(federation.get(federation.url(SH) + "/api/v1/peer-copies", federation.token("ops-440000")),
                403, "ROLE_REQUIRED");
        assertThat(federation.get(federation.url(SH) + "/api/v1/peer-copies", federation.token("ops-310000"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void only_the_agency_named_by_the_credentials_may_post_its_receipts() {
        String receipts = federation.centralUrl() + "/api/v1/agency-receipts";
        String body = "{\"receiptId\":\"r-1\",\"declarationId\":\"00000000-0000-0000-0000-000000000000\","
                + "\"status\":\"RELEASED\",\"agency\":\"GACC\"}";
        assertProblem(federation.post(receipts, federation.token("sh-acme"), "application/json", body), 403,
                "ROLE_REQUIRED");
        assertProblem(federation.post(receipts, federation.token("mofcom-sim"), "application/json", body), 403,
                "AGENCY_MISMATCH");
        assertProblem(federation.post(receipts, federation.token("gacc-sim"), "application/json", body,
                federation.signers().agencySignature("GACC", body)), 404, "NOT_FOUND");
        assertProblem(federation.post(receipts, federation.token("gacc-sim"), "application/json",
                "{\"status\":\"DONE\"}"), 400, "VALIDATION_FAILED");
    }

    private HttpResponse<String> submit(String client, String body) {
        return federation.submit(SH, federation.token(client), body);
    }

    /**
     * What a submission writes at the Shanghai node: a declaration and its first events. (Other tables move
     * on their own while earlier declarations are processed, so they are not counted here.)
     */
    private Map<String, Integer> stored() {
        var db = federation.db(SH);
        return Map.of(
                "declaration", db.queryForObject("select count(*) from declaration", Integer.class),
                "submitted events", db.queryForObject("select count(*) from declaration_event where kind = 'HOP' "
                        + "and detail like 'submitted at%'", Integer.class));
    }
}
