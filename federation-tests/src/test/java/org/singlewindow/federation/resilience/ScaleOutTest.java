package org.singlewindow.federation.resilience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.singlewindow.central.CentralNodeApplication;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.FinalOnce;
import org.singlewindow.federation.support.NodeProcess;
import org.singlewindow.node.persistence.MariaDbExtension;
import org.singlewindow.provincial.ProvincialNodeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;
import static org.singlewindow.federation.support.Federation.basic;

/**
 * Central as two instances, as README's "Scale-out" runs it: processes of their own on one MariaDB database and a
 * shared-store Artemis pair (instance a's embedded broker live, b's its backup), behind the balancer (the
 * deploy/balancer jar) at central's address; Shanghai dials the pair. Tokens from one instance are good at the other,
 * an event stream held by one instance follows what the other commits, failed credentials hold their caller's
 * address and not the balancer's (which every caller would share), and with instance a killed ({@code kill -9},
 * its broker with it) in the middle of a stream every declaration that got a 202 still reaches its final status
 * exactly once, through b.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("heavy")
class ScaleOutTest {

    private static final String BROKER_PASSWORD = "test-central-broker-secret";
    private static final int ADDRESS_FAILURES = 3;

    @RegisterExtension
    static final MariaDbExtension DATABASE = new MariaDbExtension();

    private Federation federation;
    private FinalOnce stream;
    private final int[] http = {Federation.freePort(), Federation.freePort()};
    private final int[] broker = {Federation.freePort(), Federation.freePort()};
    private final List<NodeProcess> processes = new ArrayList<>();
    private NodeProcess centralA;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "scale-out-");
        federation = Federation.prepare(dir);
        stream = new FinalOnce(federation);
        String pair = "(tcp://127.0.0.1:" + broker[0] + ",tcp://127.0.0.1:" + broker[1]
                + ")?reconnectAttempts=5&retryInterval=200";
        String tls = "&sslEnabled=true&trustStoreType=PKCS12&trustStorePath=" + dir.resolve("tls/trust.p12")
                + "&trustStorePassword=" + Federation.TLS_PASSWORD;
        for (int i = 0; i < 2; i++) {
            Map<String, String> instance = new LinkedHashMap<>();
            instance.put("server.port", String.valueOf(http[i]));
            instance.put("sw.broker.acceptor-port", String.valueOf(broker[i]));
            instance.put("sw.data-dir", dir.resolve("central-" + i).toString());
            instance.put("sw.broker.ha", i == 0 ? "PRIMARY" : "BACKUP");
            instance.put("sw.broker.password", BROKER_PASSWORD);
            instance.put("spring.artemis.embedded.data-directory", dir.resolve("central-broker").toString());
            instance.put("spring.artemis.mode", "native");
            instance.put("spring.artemis.broker-url", pair + tls);
            instance.put("spring.artemis.user", "node");
            instance.put("spring.artemis.password", BROKER_PASSWORD);
            instance.put("spring.datasource.url", DATABASE.database().url());
            instance.put("spring.datasource.username", DATABASE.database().user());
            instance.put("spring.datasource.password", DATABASE.database().password());
            instance.put("sw.cluster.enabled", "true");
            // behind the balancer (README, "Scale-out"), with the failed-credential limit per address in force
            instance.put("SW_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
            instance.put("sw.edge.rate-limit.address-failure-burst", String.valueOf(ADDRESS_FAILURES));
            instance.put("sw.edge.rate-limit.address-failures-per-minute", "0.01");
            NodeProcess central = started(new NodeProcess("central-" + i, CentralNodeApplication.class,
                    with(federation.centralArguments(), instance), dir.resolve("logs/central-" + i + ".log"),
                    "http://127.0.0.1:" + http[i]));
            if (i == 0) {
                centralA = central;
            }
        }
        started(NodeProcess.jar("balancer", Path.of("../deploy/balancer/target/balancer-0.1.0-SNAPSHOT-exec.jar")
                        .toAbsolutePath().normalize(), List.of("--server.port=" + URI.create(federation.centralUrl()).getPort(),
                        "--SW_CENTRAL_A=http://127.0.0.1:" + http[0], "--SW_CENTRAL_B=http://127.0.0.1:" + http[1]),
                dir.resolve("logs/balancer.log"), federation.centralUrl()));
        started(new NodeProcess("310000", ProvincialNodeApplication.class, with(federation.provinceArguments(SH),
                Map.of("sw.central.broker-url", pair)), dir.resolve("logs/310000.log"), federation.url(SH)));
    }

    private NodeProcess started(NodeProcess process) {
        processes.add(process);
        return process.start();
    }

    /** The arguments with some properties set to other values (a property given twice would be read as a list). */
    private static List<String> with(List<String> arguments, Map<String, String> values) {
        List<String> result = new ArrayList<>(arguments.stream()
                .filter(a -> values.keySet().stream().noneMatch(k -> a.startsWith("--" + k + "="))).toList());
        values.forEach((k, v) -> result.add("--" + k + "=" + v));
        return result;
    }

    @AfterAll
    void stop() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        federation.close();
    }

    @Test
    @Order(1)
    void a_token_from_one_instance_should_be_good_at_the_other_and_both_publish_one_key_set() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String[] keys = new String[2];
        for (int i = 0; i < 2; i++) {
            keys[i] = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http[i] + "/oauth2/jwks"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(keys[0]).isEqualTo(keys[1]);
        String fromA = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http[0]
                        + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("ops-central", "dev-ops-central-secret"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
        assertThat(federation.get("http://127.0.0.1:" + http[1] + "/api/v1/ops/links", fromA).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void an_event_stream_held_by_one_instance_should_follow_what_the_other_commits() throws Exception {
        List<String> ids = stream.submit(6);
        String ops = federation.token("ops-central");
        HttpClient client = HttpClient.newHttpClient();
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> federation.get(
                    "http://127.0.0.1:" + http[1] + "/api/v1/declarations/" + id, ops).statusCode() == 200);
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> streams = ids.stream().map(id ->
                client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http[1]
                        + "/api/v1/declarations/" + id + "/events")).header("Authorization", "Bearer " + ops)
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())).toList();
        // a stream ends with the final status: each of these ends although about half of the events were
        // committed by instance a (its consumers take every other message)
        for (var s : streams) {
            assertThat(s.get(90, java.util.concurrent.TimeUnit.SECONDS).body()).contains("\"status\":\"COMPLETED\"");
        }
        stream.assertAllFinalExactlyOnce(ids);
    }

    @Test
    @Order(3)
    void failed_credentials_behind_the_balancer_should_hold_their_callers_address_not_everyones() throws Exception {
        // two callers on different addresses (127.0.0.2 and 127.0.0.3: loopback too), both through the balancer,
        // which names each in X-Forwarded-For; one guesses (a new name each time, so only its address's limit
        // counts) until it is held twice in a row (the instances take turns, unless receipts come in between)
        int held = 0;
        for (int attempt = 0; attempt < 6 * ADDRESS_FAILURES && held < 2; attempt++) {
            int status = statusFrom("127.0.0.2", "GET", "/api/v1/ops/links",
                    basic("guess-" + UUID.randomUUID(), "guess"), "");
            held = status == 429 ? held + 1 : 0;
        }
        assertThat(held).as("the guessing caller held, twice in a row").isEqualTo(2);
        for (int i = 0; i < 2; i++) { // the balancer takes turns: one request to each instance
            assertThat(statusFrom("127.0.0.3", "POST", "/oauth2/token", basic("ops-central", "dev-ops-central-secret"),
                    "grant_type=client_credentials")).as("another caller, request %d", i).isEqualTo(200);
        }
    }

    /** The status of one HTTP/1.1 request to the balancer from {@code localAddress} (as from another host). */
    private int statusFrom(String localAddress, String method, String path, String authorization, String body)
            throws IOException {
        URI balancer = URI.create(federation.centralUrl());
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(balancer.getHost(), balancer.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + balancer.getAuthority() + "\r\nAuthorization: "
                    + authorization + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + content.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }


    @Test
    @Order(4)
    void an_instance_killed_mid_stream_with_its_broker_should_lose_and_duplicate_nothing() {
        List<String> ids = stream.submit(20);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> !stream.status(id).equals("RECEIVED")));
        centralA.kill();
        ids.addAll(stream.submit(5));
        stream.assertAllFinalExactlyOnce(ids);
    }
}
