package org.singlewindow.federation.resilience;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.singlewindow.central.CentralNodeApplication;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.FinalOnce;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.NodeProcess;
import org.singlewindow.federation.support.TestFiles;
import org.singlewindow.provincial.ProvincialNodeApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Nothing lost, nothing twice, with real crashes: central and Shanghai run as processes of their own on the embedded
 * defaults (embedded Artemis, H2 files), and are killed with {@code kill -9} right after Shanghai answered 202s,
 * while receipts arrive, and (central) in the middle of the stream; each is started again on the data it left. Every
 * declaration that got a 202 must reach its final status, and exactly once: one final status event, each receipt
 * once, one declaration at central, and every call a ministry received for it carrying the same message id (a call
 * repeated after a crash is the same request, which the ministry can recognize). The same for amendments killed
 * between their 202 and their answer: each approved and applied once at both nodes. And for a large upload killed
 * while its pieces ship: after the restart the file reaches customs once and whole. And for webhook deliveries
 * waiting on a receiver that is down: after the restart each reaches it once, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("heavy")
class CrashTest {

    private static final int N = 20;

    private Federation federation;
    private FinalOnce stream;
    private NodeProcess central;
    private NodeProcess shanghai;

    /** Under target/, so that the nodes' logs stay for a look after a failure. */
    @BeforeAll
    void start() throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target").toAbsolutePath()),
                "crash-test-");
        federation = Federation.prepare(dir);
        stream = new FinalOnce(federation);
        central = new NodeProcess("central", CentralNodeApplication.class, federation.centralArguments(),
                dir.resolve("logs/central.log"), federation.centralUrl()).start();
        shanghai = new NodeProcess("310000", ProvincialNodeApplication.class, federation.provinceArguments(SH),
                dir.resolve("logs/310000.log"), federation.url(SH)).start();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[]{shanghai, central, federation}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // go on closing the others
            }
        }
    }

    @Test
    @Order(1)
    void a_province_killed_right_after_its_202s_should_bring_every_declaration_to_one_final_status() {
        List<String> ids = stream.submit(N);
        shanghai.kill();
        shanghai.start();
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(2)
    void a_province_killed_while_receipts_arrive_should_bring_every_declaration_to_one_final_status() {
        List<String> ids = stream.submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> stream.status(id).equals("COMPLETED")));
        shanghai.kill();
        shanghai.start();
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(3)
    void central_killed_mid_stream_should_lose_and_duplicate_nothing() {
        List<String> ids = stream.submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> !stream.status(id).equals("RECEIVED")));
        central.kill();
        List<String> more = stream.submit(5);
        central.start();
        ids.addAll(more);
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(4)
    void a_province_killed_right_after_amendment_202s_should_apply_each_amendment_exactly_once() {
        List<String> ids = stream.submit(5);
        stream.assertAllFinalExactlyOnce(ids);
        List<String> changes = stream.amend(ids);
        shanghai.kill();
        shanghai.start();
        stream.assertAmendedExactlyOnce(ids, changes);
    }

    @Test
    @Order(5)
    void central_killed_between_amendments_and_their_answers_should_apply_each_amendment_exactly_once() {
        List<String> ids = stream.submit(5);
        stream.assertAllFinalExactlyOnce(ids);
        List<String> changes = stream.amend(ids);
        central.kill();
        central.start();
        stream.assertAmendedExactlyOnce(ids, changes);
    }

    @Test
    @Order(6)
    void a_province_killed_while_a_large_upload_ships_should_still_bring_the_file_to_customs_once() {
        byte[] file = TestFiles.noisyPdf(2500, 27); // about 19 MB: 1,200 pieces, some seconds on their way
        String sm3 = TestFiles.sm3(file);
        String token = federation.token("sh-acme");
        var uploading = federation.http().sendAsync(HttpRequest.newBuilder(URI.create(federation.url(SH)
                        + "/api/v1/attachments?code=00000001&name=scan.pdf")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            HttpResponse<String> view = federation.get(federation.url(SH) + "/api/v1/attachments/" + sm3, token);
            JsonNode shipping = view.statusCode() == 200 ? Json.MAPPER.readTree(view.body()).path("shipping") : null;
            return shipping != null && shipping.path("piecesSent").asInt() > 0;
        });
        shanghai.kill(); // half-way: some pieces with the broker, the rest not
        uploading.handle((response, failure) -> null).join();
        shanghai.start();
        await("the transfer goes on where it stopped").atMost(Duration.ofSeconds(60)).until(() ->
                java.nio.file.Files.readString(shanghai.log()).contains("ships on from piece"));

        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) document.get("data")).putArray("electronicDocuments").addObject().put("id", sm3)
                .put("code", "00000001").put("fileName", "scan.pdf");
        String id = new StandardDeclarations(federation).submitted(document, "sh-acme");
        stream.assertAllFinalExactlyOnce(new java.util.ArrayList<>(List.of(id)));
        await().atMost(Duration.ofSeconds(60)).until(() -> !filesOf(sm3).isEmpty());
        assertThat(filesOf(sm3)).as("customs got the file once").hasSize(1);
        assertThat(filesOf(sm3).get(0).getBody()).as("whole, from pieces sent before and after the crash")
                .isEqualTo(file);
    }

    private List<LoggedRequest> filesOf(String sm3) {
        return federation.gacc.findAll(postRequestedFor(urlPathEqualTo(Ministries.AGENCY_PATHS.get("GACC")
                + "/attachments")).withHeader("X-SW-Attachment-Id", equalTo(sm3)));
    }

    @Test
    @Order(7)
    void a_province_killed_while_webhook_deliveries_wait_should_deliver_each_once_in_order_after_its_restart()
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // the receiver is down until after the crash
        }
        String token = federation.token("sh-acme");
        HttpResponse<String> registered = federation.post(federation.url(SH) + "/api/v1/subscriptions", token,
                "application/json", "{\"url\": \"http://127.0.0.1:" + port + "/hook\", \"events\": [\"STATUS\", "
                        + "\"RECEIPT\", \"CHANGE\"], \"signing\": \"SM2\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String subscription = Json.MAPPER.readTree(registered.body()).get("id").asString();
        List<String> ids = stream.submit(5);
        stream.assertAllFinalExactlyOnce(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription).findValuesAsString("state")
                .contains("PENDING") && deliveries(subscription).findValues("attempts").stream()
                .anyMatch(a -> a.asInt() > 0));
        shanghai.kill();
        WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            shanghai.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveries(subscription).findValuesAsString("state")
                    .stream().allMatch("DELIVERED"::equals));
            JsonNode log = deliveries(subscription);
            List<String> recorded = new ArrayList<>();
            for (int i = log.size() - 1; i >= 0; i--) {
                recorded.add(log.get(i).get("eventId").asString());
            }
            List<String> acknowledged = new ArrayList<>();
            List<ServeEvent> served = new ArrayList<>(receiver.getAllServeEvents());
            Collections.reverse(served);
            served.forEach(e -> acknowledged.add(e.getRequest().getHeader("X-SW-Event-Id")));
            assertThat(recorded).as("every event of the 5 declarations").hasSizeGreaterThanOrEqualTo(5 * 5);
            assertThat(acknowledged).as("each once, in the province's order").isEqualTo(recorded);
        } finally {
            federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/subscriptions/"
                    + subscription)).header("Authorization", "Bearer " + token).DELETE().build());
            receiver.stop();
        }
    }

    private JsonNode deliveries(String subscription) {
        return Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/subscriptions/" + subscription
                + "/deliveries", federation.token("sh-acme")).body());
    }
}
