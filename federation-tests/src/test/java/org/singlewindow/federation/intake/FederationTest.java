package org.singlewindow.federation.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.GD;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * The whole loop in one JVM: declarations submitted at Shanghai or Guangdong travel to central over Artemis,
 * fan out to the GACC and MOFCOM simulators, and every receipt comes back to the declarant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class FederationTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void when_customs_accepts_should_reach_released_and_completed_with_every_receipt() {
        String id = submitted(SH, "sh-acme", Samples.declaration(Samples.ACME_SH));
        JsonNode done = awaitFinal(SH, "sh-acme", id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Federation.agency(done, "GACC").get("status").asString()).isEqualTo("RELEASED");
        assertThat(Federation.statuses(Federation.agency(done, "GACC").get("receipts")))
                .containsExactly("DELIVERED", "ACCEPTED", "RELEASED");
        assertThat(Federation.agency(done, "GACC").get("receipts").get(2).get("code").asString()).isEqualTo("800");
        assertThat(Federation.agency(done, "MOFCOM").get("status").asString()).isEqualTo("VERIFIED");
        JsonNode atCentral = federation.declaration(federation.centralUrl(), federation.token("ops-central"), id);
        assertThat(atCentral.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(atCentral.get("originProvince").asString()).isEqualTo(SH);
    }

    @Test
    void when_customs_rejects_should_end_rejected() {
        String id = submitted(GD, "gd-pearl", Samples.remarks(Samples.declaration(Samples.PEARL_GD), "SIM:REJECT"));
        JsonNode done = awaitFinal(GD, "gd-pearl", id);
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(Federation.agency(done, "GACC").get("status").asString()).isEqualTo("REJECTED");
        assertThat(Federation.agency(done, "GACC").get("receipts").get(1).get("code").asString()).isEqualTo("100");
    }

    @Test
    void when_customs_inspects_should_pass_inspection_then_release() {
        String id = submitted(SH, "sh-acme", Samples.remarks(Samples.declaration(Samples.ACME_SH), "SIM:INSPECT"));
        JsonNode done = awaitFinal(SH, "sh-acme", id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Federation.statuses(Federation.agency(done, "GACC").get("receipts")))
                .containsExactly("DELIVERED", "INSPECTION", "RELEASED");
    }

    @Test
    void when_an_item_carries_a_licence_mofcom_should_get_the_goods_but_never_the_prices() {
        String id = submitted(SH, "sh-acme", Samples.declaration(Samples.ACME_SH));
        awaitFinal(SH, "sh-acme", id);
        List<LoggedRequest> calls = Ministries.callsFor(federation.mofcom, id);
        assertThat(calls).hasSize(1);
        JsonNode sent = Json.MAPPER.readTree(calls.get(0).getBodyAsString());
        JsonNode item = sent.get("document").get("data").get("items").get(0);
        assertThat(item.get("hsCode").asString()).isEqualTo("8471300000");
        assertThat(item.get("licences").get(0).get("number").asString()).isEqualTo("26-AA-000001");
        assertThat(calls.get(0).getBodyAsString()).doesNotContain("unitPrice", "totalPrice", "currency", "remarks",
                "billOfLading", "overseasParty");
        JsonNode toCustoms = Json.MAPPER.readTree(Ministries.callsFor(federation.gacc, id).get(0).getBodyAsString());
        assertThat(toCustoms.get("document").get("data").get("items").get(0).has("unitPrice")).isTrue();
    }

    @Test
    void when_no_item_carries_a_licence_mofcom_should_not_be_called() {
        String id = submitted(SH, "sh-acme", Samples.withoutLicences(Samples.declaration(Samples.ACME_SH)));
        JsonNode done = awaitFinal(SH, "sh-acme", id);
        assertThat(done.get("agencies")).hasSize(1);
        assertThat(Ministries.callsFor(federation.mofcom, id)).isEmpty();
    }

    @Test
    void when_the_port_lies_in_another_province_that_province_should_get_a_logistics_copy() {
        String id = submitted(SH, "sh-acme", Samples.portCustoms(Samples.declaration(Samples.ACME_SH), "5301"));
        awaitFinal(SH, "sh-acme", id);
        String ops = federation.token("ops-440000");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode copies = Json.MAPPER.readTree(federation.get(federation.url(GD)
                    + "/api/v1/peer-copies?declarationId=" + id, ops).body());
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).get("fromProvince").asString()).isEqualTo(SH);
            assertThat(copies.get(0).get("document").get("data").get("billOfLading").asString())
                    .isEqualTo("COSU6263821470");
            assertThat(copies.get(0).get("document").toString()).doesNotContain("unitPrice", "declarant");
        });
        String local = submitted(SH, "sh-acme", Samples.declaration(Samples.ACME_SH));
        awaitFinal(SH, "sh-acme", local);
        JsonNode none = Json.MAPPER.readTree(federation.get(federation.url(GD)
                + "/api/v1/peer-copies?declarationId=" + local, ops).body());
        assertThat(none).isEmpty();
    }

    @Test
    void sse_should_deliver_every_status_change_in_order_and_end_at_the_final_status() throws Exception {
        String token = federation.token("gd-pearl");
        String id = submitted(GD, "gd-pearl", Samples.remarks(Samples.declaration(Samples.PEARL_GD), "SIM:INSPECT"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(federation.url(GD) + "/api/v1/declarations/" + id
                + "/events")).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        CompletableFuture<List<String[]>> events = federation.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> parseEvents(response.body()));
        List<String[]> received = events.get(30, TimeUnit.SECONDS);

        List<Long> ids = received.stream().map(e -> Long.parseLong(e[0])).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        List<String> statusChanges = received.stream().filter(e -> e[1].equals("status"))
                .map(e -> Json.MAPPER.readTree(e[2]).get("status").asString()).toList();
        assertThat(statusChanges).containsExactly("RECEIVED", "FORWARDED", "PROCESSING", "COMPLETED");
        List<String> gacc = received.stream().filter(e -> e[1].equals("receipt"))
                .map(e -> Json.MAPPER.readTree(e[2])).filter(e -> e.get("agency").asString().equals("GACC"))
                .map(e -> e.get("status").asString()).toList();
        // receipts stream in the order they were recorded, which an asynchronous receipt may overtake
        assertThat(gacc).containsExactlyInAnyOrder("DELIVERED", "INSPECTION", "RELEASED");
    }

    @Test
    void when_customs_fails_once_the_retry_should_carry_the_same_message_id_and_count_once() {
        federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations")).atPriority(0)
                .withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks", WireMock.containing("TEST:FLAKY")))
                .inScenario("flaky-customs").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(WireMock.serviceUnavailable()).willSetStateTo("recovered"));
        String id = submitted(SH, "sh-acme", Samples.remarks(Samples.declaration(Samples.ACME_SH), "TEST:FLAKY"));
        JsonNode done = awaitFinal(SH, "sh-acme", id);

        List<LoggedRequest> calls = Ministries.callsFor(federation.gacc, id);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getHeader("X-Message-Id")).isNotBlank().isEqualTo(calls.get(1).getHeader("X-Message-Id"));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Federation.statuses(Federation.agency(done, "GACC").get("receipts")))
                .containsExactly("DELIVERED", "ACCEPTED", "RELEASED");
    }

    @Test
    void sse_with_last_event_id_should_replay_only_what_came_after() throws Exception {
        String token = federation.token("sh-acme");
        String id = submitted(SH, "sh-acme", Samples.declaration(Samples.ACME_SH));
        JsonNode done = awaitFinal(SH, "sh-acme", id);
        JsonNode timeline = done.get("timeline");
        long forwarded = timeline.valueStream().filter(e -> "FORWARDED".equals(e.path("status").asString("")))
                .findFirst().orElseThrow().get("id").asLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/declarations/" + id
                + "/events")).header("Authorization", "Bearer " + token).header("Last-Event-ID", String.valueOf(forwarded))
                .build();
        List<String[]> replayed = federation.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> parseEvents(response.body())).get(30, TimeUnit.SECONDS);
        List<Long> expected = timeline.valueStream().map(e -> e.get("id").asLong()).filter(e -> e > forwarded).toList();
        assertThat(replayed.stream().map(e -> Long.parseLong(e[0])).toList()).isEqualTo(expected);
    }

    @Test
    void a_token_from_central_should_work_at_every_provincial_node() {
        String token = federation.token("sh-acme");
        HttpResponse<String> atGuangdong = federation.submit(GD, token, Samples.json(Samples.declaration(Samples.ACME_SH)));
        assertThat(atGuangdong.statusCode()).isEqualTo(202);
        String id = Json.MAPPER.readTree(atGuangdong.body()).get("id").asString();
        assertThat(awaitFinal(GD, "sh-acme", id).get("originProvince").asString()).isEqualTo(GD);
    }

    @Test
    void submitting_the_same_declaration_twice_should_return_the_first_and_a_changed_one_should_conflict() {
        ObjectNode declaration = Samples.declaration(Samples.ACME_SH);
        String token = federation.token("sh-acme");
        HttpResponse<String> first = federation.submit(SH, token, Samples.json(declaration));
        HttpResponse<String> again = federation.submit(SH, token, Samples.json(declaration));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/v1/declarations/" + Json.MAPPER.readTree(first.body()).get("id").asString()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).get("id")).isEqualTo(Json.MAPPER.readTree(first.body()).get("id"));

        HttpResponse<String> changed = federation.submit(SH, token, Samples.json(Samples.remarks(declaration, "changed")));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(changed.body()).get("code").asString()).isEqualTo("REFERENCE_REUSED");
    }

    @Test
    void the_declarant_list_should_show_only_the_callers_own_declarations() {
        String mine = submitted(SH, "sh-other", Samples.declaration(Samples.OTHER_SH));
        JsonNode page = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/declarations?size=100",
                federation.token("sh-other")).body());
        assertThat(page.get("items")).isNotEmpty();
        page.get("items").forEach(item -> assertThat(item.get("declarantUscc").asString()).isEqualTo(Samples.OTHER_SH));
        assertThat(page.get("items").toString()).contains(mine);
        JsonNode bad = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/declarations?status=DONE",
                federation.token("sh-other")).body());
        assertThat(bad.get("code").asString()).isEqualTo("BAD_PARAMETER");
    }

    String submitted(String province, String client, ObjectNode declaration) {
        HttpResponse<String> response = federation.submit(province, federation.token(client), Samples.json(declaration));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        return body.get("id").asString();
    }

    private JsonNode awaitFinal(String province, String client, String id) {
        String token = federation.token(client);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = federation.declaration(federation.url(province), token, id);
            String status = last[0].get("status").asString();
            return status.equals("COMPLETED") || status.equals("REJECTED");
        });
        return last[0];
    }

    /** SSE lines → [id, event, data] per event. */
    private static List<String[]> parseEvents(Stream<String> lines) {
        List<String[]> events = new ArrayList<>();
        String[] current = new String[3];
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (current[0] != null) {
                    events.add(current);
                }
                current = new String[3];
            } else if (line.startsWith("id:")) {
                current[0] = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                current[1] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                current[2] = line.substring(5).trim();
            }
        }
        if (current[0] != null) {
            events.add(current);
        }
        return events;
    }
}
