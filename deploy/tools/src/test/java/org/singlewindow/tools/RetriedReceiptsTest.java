package org.singlewindow.tools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated ministry posts its later receipt until central acknowledges it: central (a second WireMock here)
 * refuses the connection's first answers with 503 twice, then accepts; the receipt arrives three times, signed.
 */
class RetriedReceiptsTest {

    @Test
    void a_receipt_should_be_posted_again_until_central_acknowledges_it(@TempDir Path dir) throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        Pki.init(dir, Pki.DEV_SEED, clock.instant());
        WireMockServer central = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        WireMockServer gacc = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new SimulatorSigning(dir, clock)));
        central.start();
        gacc.start();
        try {
            central.stubFor(post(urlPathEqualTo("/api/v1/agency-receipts")).inScenario("down")
                    .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                    .willSetStateTo("still down"));
            central.stubFor(post(urlPathEqualTo("/api/v1/agency-receipts")).inScenario("down")
                    .whenScenarioStateIs("still down").willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
            central.stubFor(post(urlPathEqualTo("/api/v1/agency-receipts")).inScenario("down")
                    .whenScenarioStateIs("up").willReturn(okJson("{}").withStatus(202)));
            gacc.addStubMapping(StubMapping.buildFrom(Files.readString(Path.of("..", "local", "simulators",
                    "mappings", "gacc-accept.json")).replaceAll("\"milliseconds\": \\d+", "\"milliseconds\": 10")));

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gacc.baseUrl() + "/gacc/declarations"))
                    .header("X-Message-Id", "m-1")
                    .header("X-Callback-Url", central.baseUrl() + "/api/v1/agency-receipts")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"declarationId\":\"d-1\",\"messageId\":\"m-1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    central.findAll(postRequestedFor(urlPathEqualTo("/api/v1/agency-receipts"))).size() >= 3);
            var posts = central.findAll(postRequestedFor(urlPathEqualTo("/api/v1/agency-receipts")));
            assertThat(posts).hasSize(3);
            assertThat(posts).allSatisfy(p -> {
                assertThat(p.getBodyAsString()).contains("\"receiptId\":\"m-1:800\"", "\"declarationId\":\"d-1\"");
                assertThat(p.getHeader(SimulatorSigning.HEADER)).isNotBlank();
            });
        } finally {
            gacc.stop();
            central.stop();
        }
    }
}
