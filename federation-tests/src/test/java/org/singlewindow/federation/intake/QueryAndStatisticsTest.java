package org.singlewindow.federation.intake;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.ProblemAssert;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.GD;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Query and statistics over real declarations: searched by reference, HS code and agency, counted with clearance
 * times, exported as CSV; each caller sees its own scope (a declarant its own, central's operators the national
 * view, an operator of another province nothing here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class QueryAndStatisticsTest {

    private Federation federation;
    private String reference;
    private String id;

    @BeforeAll
    void submit_one_declaration_and_wait_for_it_to_end(Federation shared) {
        federation = shared;
        ObjectNode declaration = Samples.declaration(Samples.ACME_SH);
        reference = declaration.get("clientReference").asString();
        HttpResponse<String> accepted = federation.submit(SH, federation.token("sh-acme"), Samples.json(declaration));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.declaration(federation.url(SH),
                federation.token("sh-acme"), id).get("status").asString().equals("COMPLETED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.declaration(federation.centralUrl(),
                federation.token("ops-central"), id).get("status").asString().equals("COMPLETED"));
    }

    private JsonNode get(String url, String client) {
        HttpResponse<String> response = federation.get(url, federation.token(client));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private String ids(JsonNode page) {
        return page.get("items").toString();
    }

    @Test
    void a_declarant_should_find_its_declaration_by_reference_hs_code_and_agency() {
        String list = federation.url(SH) + "/api/v1/declarations?reference=" + reference;
        assertThat(ids(get(list + "&hsCode=8471", "sh-acme"))).contains(id);
        assertThat(ids(get(list + "&hsCode=847130&agency=GACC&type=GOODS_DECLARATION&status=COMPLETED", "sh-acme")))
                .contains(id);
        assertThat(get(list + "&hsCode=0101", "sh-acme").get("total").asLong()).isZero();
        assertThat(get(list + "&agency=MSA", "sh-acme").get("total").asLong()).isZero();
        assertThat(get(list, "sh-other").get("total").asLong()).as("another declarant").isZero();
    }

    @Test
    void centrals_operators_should_search_the_national_view_and_another_provinces_operators_nothing_here() {
        assertThat(ids(get(federation.centralUrl() + "/api/v1/declarations?agency=GACC&reference=" + reference,
                "ops-central"))).contains(id);
        assertThat(get(federation.url(SH) + "/api/v1/statistics?reference=" + reference, "ops-" + GD)
                .get("declarations").asInt()).isZero();
    }

    @Test
    void statistics_should_count_it_with_its_clearance_time_per_agency_and_day() {
        JsonNode report = get(federation.url(SH) + "/api/v1/statistics?reference=" + reference, "sh-acme");
        assertThat(report.get("declarations").asInt()).isEqualTo(1);
        assertThat(report.get("byStatus").get("COMPLETED").asInt()).isEqualTo(1);
        assertThat(report.get("byType").get("GOODS_DECLARATION").asInt()).isEqualTo(1);
        assertThat(report.get("byAgency").get("GACC").get("byStatus").get("RELEASED").asInt()).isEqualTo(1);
        assertThat(report.get("byAgency").get("GACC").get("clearance").get("count").asInt()).isEqualTo(1);
        assertThat(report.get("clearance").get("count").asInt()).isEqualTo(1);
        assertThat(report.get("clearance").get("p90Seconds").asLong()).isBetween(0L, 60L);
        assertThat(report.get("byDay")).hasSize(1);
        JsonNode national = get(federation.centralUrl() + "/api/v1/statistics?reference=" + reference, "ops-central");
        assertThat(national.get("byAgency").get("MOFCOM").get("byStatus").get("VERIFIED").asInt()).isEqualTo(1);
    }

    @Test
    void the_export_should_be_csv_of_what_the_search_selects() {
        HttpResponse<String> csv = federation.get(federation.url(SH) + "/api/v1/declarations/export?reference="
                + reference, federation.token("sh-acme"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("declarations.csv"));
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).contains(id + ",GOODS_DECLARATION," + reference + "," + Samples.ACME_SH);
    }

    @Test
    void a_bad_search_parameter_should_be_refused_naming_it_and_in_chinese() {
        HttpResponse<String> bad = federation.get(federation.url(SH) + "/api/v1/statistics?hsCode=84%25",
                federation.token("sh-acme"));
        ProblemAssert.assertProblem(bad, 400, "BAD_PARAMETER");
        JsonNode problem = Json.MAPPER.readTree(bad.body());
        assertThat(problem.get("detail").asString()).startsWith("parameter 'hsCode' must be");
        assertThat(problem.get("detailZh").asString()).startsWith("参数 hsCode 应为");
    }
}
