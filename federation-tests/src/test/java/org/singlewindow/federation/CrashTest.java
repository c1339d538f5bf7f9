package org.singlewindow.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.Federation.SH;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.singlewindow.central.CentralNodeApplication;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.provincial.ProvincialNodeApplication;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing twice, with real crashes: central and Shanghai run as processes of their own on the embedded
 * defaults (embedded Artemis, H2 files), and are killed with {@code kill -9} right after Shanghai answered 202s,
 * while receipts arrive, and (central) in the middle of the stream; each is started again on the data it left. Every
 * declaration that got a 202 must reach its final status, and exactly once: one final status event, each receipt
 * once, one declaration at central, and every call a ministry received for it carrying the same message id (a call
 * repeated after a crash is the same request, which the ministry can recognize).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashTest {

    private static final int N = 20;

    private Federation federation;
    private NodeProcess central;
    private NodeProcess shanghai;

    /** Under target/, so that the nodes' logs stay for a look after a failure. */
    @BeforeAll
    void start() throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target").toAbsolutePath()),
                "crash-test-");
        federation = Federation.prepare(dir);
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
        List<String> ids = submit(N);
        shanghai.kill();
        shanghai.start();
        assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(2)
    void a_province_killed_while_receipts_arrive_should_bring_every_declaration_to_one_final_status() {
        List<String> ids = submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> status(id).equals("COMPLETED")));
        shanghai.kill();
        shanghai.start();
        assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(3)
    void central_killed_mid_stream_should_lose_and_duplicate_nothing() {
        List<String> ids = submit(N);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> !status(id).equals("RECEIVED")));
        central.kill();
        List<String> more = submit(5);
        central.start();
        ids.addAll(more);
        assertAllFinalExactlyOnce(ids);
    }

    private List<String> submit(int count) {
        String token = federation.token("sh-acme");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var declaration = Samples.declaration(Samples.ACME_SH);
            if (i % 5 == 2) {
                Samples.remarks(declaration, "SIM:INSPECT");
            }
            HttpResponse<String> response = federation.submit(SH, token, Samples.json(declaration));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(Json.MAPPER.readTree(response.body()).get("id").asString());
        }
        return ids;
    }

    private String status(String id) {
        return federation.declaration(federation.url(SH), federation.token("sh-acme"), id).get("status").asString();
    }

    private void assertAllFinalExactlyOnce(List<String> ids) {
        String token = federation.token("sh-acme");
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> status(id).equals("COMPLETED"));
        }
        for (String id : ids) {
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            JsonNode timeline = done.get("timeline");
            assertThat(count(timeline, "STATUS", "COMPLETED")).as("%s: one final status", id).isEqualTo(1);
            assertThat(count(timeline, "RECEIPT", "RELEASED")).as("%s: GACC's release once", id).isEqualTo(1);
            assertThat(count(timeline, "RECEIPT", "VERIFIED")).as("%s: MOFCOM's verification once", id).isEqualTo(1);
            assertThat(federation.get(federation.centralUrl() + "/api/v1/declarations/" + id,
                    federation.token("ops-central")).statusCode()).as("%s at central", id).isEqualTo(200);
            List<LoggedRequest> calls = FederationTest.callsFor(federation.gacc, id);
            assertThat(calls).as("%s: delivered to GACC", id).isNotEmpty();
            assertThat(calls.stream().map(c -> c.getHeader("X-Message-Id")).distinct())
                    .as("%s: every GACC call is the same request", id).hasSize(1);
        }
    }

    private static long count(JsonNode timeline, String kind, String status) {
        return timeline.valueStream().filter(e -> kind.equals(e.get("kind").asString())
                && status.equals(e.path("status").asString(""))).count();
    }
}
