package org.singlewindow.federation.webhooks;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm3;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * A trader's systems are told of its documents wherever they are: four real receivers registered at Shanghai (one
 * answering at once and checking HMAC-SM3, one slow, one answering 500 five times, one down until it comes up) each
 * acknowledge every event of a declaration once per event id and in the order the province recorded them, with a
 * signature they can check; an endpoint that keeps failing is paused and resumed by its enterprise; a delivery is
 * sent again by hand with its event id; and endpoints that are not public HTTPS addresses are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class WebhookTest {

    /** sh-other's enterprise: here, Acme's logistics partner. */
    private static final String OTHER = "91310000132200821H";

    private Federation federation;
    private StandardDeclarations declarations;
    private final List<WireMockServer> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
    }

    @AfterAll
    void stop() {
        subscriptions.forEach(id -> federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                federation.url(SH) + "/api/v1/subscriptions/" + id)).header("Authorization", "Bearer "
                + federation.token("sh-acme")).DELETE().build()));
        receivers.forEach(WireMockServer::stop);
    }

    @Test
    void every_receiver_should_acknowledge_each_event_once_in_order_with_a_signature_it_can_check() throws Exception {
        WireMockServer quick = receiver(0);
        quick.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        WireMockServer slow = receiver(0);
        slow.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        WireMockServer flaky = receiver(0);
        for (int i = 0; i < 5; i++) {
            flaky.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(i == 0 ? STARTED
                    : "failed-" + i).willSetStateTo("failed-" + (i + 1)).willReturn(aResponse().withStatus(500)));
        }
        flaky.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("failed-5")
                .willReturn(aResponse().withStatus(200)));
        int downPort = freePort();

        JsonNode hmac = register("http://127.0.0.1:" + quick.port() + "/hook", "HMAC_SM3");
        String secret = hmac.get("secret").asString();
        assertThat(secret).hasSize(64);
        register("http://127.0.0.1:" + slow.port() + "/hook", "SM2");
        register("http://127.0.0.1:" + flaky.port() + "/hook", "SM2");
        String downId = register("http://127.0.0.1:" + downPort + "/hook", "SM2").get("id").asString();
        assertThat(federation.get(federation.url(SH) + "/api/v1/subscriptions", federation.token("sh-acme")).body())
                .as("the secret is shown once").doesNotContain(secret);

        String id = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> delivery(downId, 0).get("attempts").asInt() >= 2);
        WireMockServer down = receiver(downPort); // comes up after failed attempts, before its endpoint is paused
        down.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        declarations.awaitFinal(id);
        for (WireMockServer receiver : List.of(quick, slow, flaky, down)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(receiver, id).stream()
                    .anyMatch(e -> e.path("status").asString("").equals("COMPLETED")));
        }

        List<String> recorded = recordedEventIds(downId, id);
        for (WireMockServer receiver : List.of(quick, slow, flaky, down)) {
            List<String> ids = acknowledged(receiver, id).stream().map(e -> e.get("eventId").asString()).toList();
            assertThat(ids).as("once per event id").doesNotHaveDuplicates();
            assertThat(ids).as("in the order the province recorded them").isEqualTo(recorded);
        }
        assertThat(flaky.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 500)).hasSize(5);

        for (ServeEvent event : quick.getAllServeEvents()) {
            String timestamp = event.getRequest().getHeader("X-SW-Timestamp");
            byte[] signed = (timestamp + "." + event.getRequest().getBodyAsString()).getBytes(StandardCharsets.UTF_8);
            assertThat(event.getRequest().getHeader("X-SW-Signature-Method")).isEqualTo("HMAC-SM3");
            assertThat(event.getRequest().getHeader("X-SW-Webhook-Signature")).isEqualTo(HexFormat.of().formatHex(
                    Sm3.hmac(secret.getBytes(StandardCharsets.UTF_8), signed)));
        }
        var root = Pem.certificate(Files.readString(federation.dir.resolve("pki/ca.pem")));
        for (ServeEvent event : slow.getAllServeEvents()) {
            String timestamp = event.getRequest().getHeader("X-SW-Timestamp");
            byte[] signed = (timestamp + "." + event.getRequest().getBodyAsString()).getBytes(StandardCharsets.UTF_8);
            CmsSignatures.Signer signer = CmsSignatures.verifyDetached(java.util.Base64.getDecoder().decode(
                    event.getRequest().getHeader("X-SW-Webhook-Signature")), signed, root, null, Instant.parse(timestamp));
            assertThat(signer.subject().identifier()).as("signed by Shanghai's node").isEqualTo("310000");
        }
    }

    @Test
    void an_endpoint_that_keeps_failing_should_be_paused_and_resumed_and_a_delivery_sent_again_by_hand() {
        WireMockServer failing = receiver(0);
        failing.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
        String subscription = register("http://127.0.0.1:" + failing.port() + "/hook", "SM2").get("id").asString();
        String id = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
        await().atMost(Duration.ofSeconds(60)).until(() -> "PAUSED".equals(subscription(subscription).get("state")
                .asString()));
        assertThat(subscription(subscription).get("pauseReason").asString()).contains("503");

        failing.resetAll();
        failing.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        HttpResponse<String> resumed = federation.post(federation.url(SH) + "/api/v1/subscriptions/" + subscription
                + "/resume", federation.token("sh-acme"), "application/json", "", null);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        declarations.awaitFinal(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(failing, id).stream()
                .anyMatch(e -> e.path("status").asString("").equals("COMPLETED")));

        JsonNode first = delivery(subscription, -1);
        assertThat(first.get("state").asString()).isEqualTo("DELIVERED");
        HttpResponse<String> again = federation.post(federation.url(SH) + "/api/v1/subscriptions/" + subscription
                + "/deliveries/" + first.get("id").asLong() + "/redelivery", federation.token("sh-acme"),
                "application/json", "", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged(failing, id).stream()
                .filter(e -> e.get("eventId").asString().equals(first.get("eventId").asString())).count() == 2);
        assertThat(federation.get(federation.url(SH) + "/api/v1/subscriptions/" + subscription + "/deliveries",
                federation.token("sh-other")).statusCode()).as("not another enterprise's").isEqualTo(404);
    }

    @Test
    void a_trader_should_let_its_logistics_partner_follow_its_documents_until_it_revokes_the_grant() {
        WireMockServer partner = receiver(0);
        partner.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        String subscription = Json.MAPPER.writeValueAsString(Map.of("url", "http://127.0.0.1:" + partner.port()
                + "/hook", "events", List.of("STATUS"), "signing", "SM2", "enterprise", Samples.ACME_SH));
        HttpResponse<String> ungranted = federation.post(federation.url(SH) + "/api/v1/subscriptions",
                federation.token("sh-other"), "application/json", subscription, null);
        assertThat(ungranted.statusCode()).as(ungranted.body()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(ungranted.body()).get("errors").findValuesAsString("path"))
                .contains("$.enterprise");

        HttpResponse<String> granted = federation.post(federation.url(SH) + "/api/v1/subscription-grants",
                federation.token("sh-acme"), "application/json", "{\"partner\": \"" + OTHER + "\"}", null);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String grant = Json.MAPPER.readTree(granted.body()).get("id").asString();
        HttpResponse<String> registered = federation.post(federation.url(SH) + "/api/v1/subscriptions",
                federation.token("sh-other"), "application/json", subscription, null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String partnerSubscription = Json.MAPPER.readTree(registered.body()).get("id").asString();
        try {
            String followed = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
            declarations.awaitFinal(followed);
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged(partner, followed).stream()
                    .anyMatch(e -> e.path("status").asString("").equals("COMPLETED")));

            assertThat(federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(federation.url(SH)
                    + "/api/v1/subscription-grants/" + grant)).header("Authorization", "Bearer "
                    + federation.token("sh-other")).DELETE().build()).statusCode()).as("only the trader revokes")
                    .isEqualTo(404);
            assertThat(federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(federation.url(SH)
                    + "/api/v1/subscription-grants/" + grant)).header("Authorization", "Bearer "
                    + federation.token("sh-acme")).DELETE().build()).statusCode()).isEqualTo(204);
            String after = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
            declarations.awaitFinal(after); // its events, and any delivery they would make, are recorded by now
            JsonNode log = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/subscriptions/"
                    + partnerSubscription + "/deliveries", federation.token("sh-other")).body());
            assertThat(log.findValuesAsString("declarationId")).contains(followed).doesNotContain(after);
            assertThat(acknowledged(partner, after)).isEmpty();
            assertThat(federation.get(federation.url(SH) + "/api/v1/subscription-grants", federation.token("sh-acme"))
                    .body()).contains("\"revokedAt\":\"");
        } finally {
            federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(federation.url(SH)
                    + "/api/v1/subscriptions/" + partnerSubscription)).header("Authorization", "Bearer "
                    + federation.token("sh-other")).DELETE().build());
        }
    }

    @Test
    void endpoints_that_are_not_public_https_addresses_should_be_refused_naming_the_field() {
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest", "http://203.0.113.7/hook",
                "https://[fd00::1]/hook")) {
            HttpResponse<String> refused = federation.post(federation.url(SH) + "/api/v1/subscriptions",
                    federation.token("sh-acme"), "application/json", Json.MAPPER.writeValueAsString(Map.of("url", url,
                            "events", List.of("STATUS"), "signing", "SM2")), null);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(refused.body()).get("errors").findValuesAsString("path"))
                    .contains("$.url");
        }
        HttpResponse<String> badEvents = federation.post(federation.url(SH) + "/api/v1/subscriptions",
                federation.token("sh-acme"), "application/json", Json.MAPPER.writeValueAsString(Map.of("url",
                        "http://127.0.0.1:1/hook", "events", List.of("EVERYTHING"), "signing", "MD5")), null);
        assertThat(Json.MAPPER.readTree(badEvents.body()).get("errors").findValuesAsString("path"))
                .contains("$.events", "$.signing");
    }

    private JsonNode register(String url, String signing) {
        HttpResponse<String> created = federation.post(federation.url(SH) + "/api/v1/subscriptions",
                federation.token("sh-acme"), "application/json", Json.MAPPER.writeValueAsString(Map.of("url", url,
                        "events", List.of("STATUS", "RECEIPT", "CHANGE"), "signing", signing)), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = Json.MAPPER.readTree(created.body());
        subscriptions.add(view.get("id").asString());
        return view;
    }

    private JsonNode subscription(String id) {
        for (JsonNode s : Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/subscriptions",
                federation.token("sh-acme")).body())) {
            if (s.get("id").asString().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no subscription " + id);
    }

    /** The endpoint's delivery at {@code index} of its log, oldest first ({@code -1}: the oldest). */
    private JsonNode delivery(String subscription, int index) {
        JsonNode log = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/subscriptions/"
                + subscription + "/deliveries", federation.token("sh-acme")).body());
        return log.get(index < 0 ? log.size() - 1 : log.size() - 1 - index);
    }

    /** The event ids the province recorded for one endpoint and declaration, in its order. */
    private List<String> recordedEventIds(String subscription, String declarationId) {
        JsonNode log = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/subscriptions/"
                + subscription + "/deliveries", federation.token("sh-acme")).body());
        List<String> ids = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).get("declarationId").asString().equals(declarationId)) {
                ids.add(log.get(i).get("eventId").asString());
            }
        }
        return ids;
    }

    /** The events of one declaration a receiver acknowledged (2xx), in the order it received them. */
    private static List<JsonNode> acknowledged(WireMockServer receiver, String declarationId) {
        List<ServeEvent> served = new ArrayList<>(receiver.getAllServeEvents());
        java.util.Collections.reverse(served); // WireMock lists the newest first
        return served.stream().filter(e -> e.getResponse().getStatus() / 100 == 2)
                .map(e -> Json.MAPPER.readTree(e.getRequest().getBodyAsString()))
                .filter(e -> e.path("declarationId").asString("").equals(declarationId)).toList();
    }

    private WireMockServer receiver(int port) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        server.start();
        receivers.add(server);
        return server;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
