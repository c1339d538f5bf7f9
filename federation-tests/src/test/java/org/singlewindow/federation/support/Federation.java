package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.singlewindow.central.CentralNodeApplication;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.provincial.ProvincialNodeApplication;
import org.singlewindow.tools.Pki;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local federation inside the test JVM: one central node and the Shanghai (310000) and Guangdong (440000)
 * nodes, each with its own embedded Artemis broker on its own TCP port and its own H2 file database under
 * {@code dir}, plus one WireMock per ministry loaded with the stubs the local federation uses
 * ({@code deploy/local/simulators/mappings}). Nodes can be stopped and started again on the same data.
 */
public final class Federation implements AutoCloseable {

    public static final String SH = "310000";
    public static final String GD = "440000";
    /** Delay of the simulators' asynchronous receipts in tests. */
    public static final int SIM_DELAY_MS = 150;
    /**
     * The federation's clock: the nodes run on the machine's clock (their {@code Clock} bean), so what the tests sign
     * or issue for them reads the same one; under {@code faketime} all of it moves together.
     */
    public static final Clock CLOCK = Clock.systemUTC();

    public final Path dir;
    /** One named WireMock per ministry, by agency code. */
    public final Map<String, WireMockServer> ministries = new java.util.TreeMap<>();
    public final WireMockServer gacc;
    public final WireMockServer mofcom;
    /** A province's local specialty service (a port community system), reached through /local/pcs/**. */
    public final WireMockServer portCommunity = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final int centralHttp = freePort();
    private final int centralBroker = freePort();
    private final Map<String, int[]> provincePorts = Map.of(SH, new int[]{freePort(), freePort()},
            GD, new int[]{freePort(), freePort()});
    private final Map<String, ConfigurableApplicationContext> provinces = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /**
     * Edge rate limits high enough for the load the tests make from one client (HostileInputTest sends thousands of
     * requests), except for the user {@value #RATE_LIMITED_USER}, allowed one request every ten seconds.
     */
    public static final String RATE_LIMITED_USER = "rl-user";
    private static final List<String> EDGE_LIMITS = List.of("--sw.edge.rate-limit.per-second=100000",
            "--sw.edge.rate-limit.burst=100000", "--sw.edge.rate-limit.clients." + RATE_LIMITED_USER + "=0.1",
            "--sw.edge.rate-limit.login-per-second=100000", "--sw.edge.rate-limit.login-burst=100000",
            "--sw.edge.rate-limit.address-failures-per-minute=100000000",
            "--sw.edge.rate-limit.address-failure-burst=100000000");
    /** Signing with the test PKI's keys: nodes, enterprises, agencies. */
    private final TestSigners signers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> centralExtra;
    private ConfigurableApplicationContext central;

    private Federation(Path dir, List<String> centralExtra) {
        this.dir = dir;
        this.centralExtra = centralExtra;
        Ministries.AGENCY_PATHS.keySet().forEach(code -> ministries.put(code, Ministries.simulator(code.toLowerCase() + "-",
                dir.resolve("pki"))));
        Pki.init(dir.resolve("pki"), Pki.DEV_SEED, CLOCK.instant());
        this.signers = new TestSigners(dir.resolve("pki"), CLOCK);
        brokerTls(dir.resolve("tls"));
        portCommunity.start();
        this.gacc = ministries.get("GACC");
        this.mofcom = ministries.get("MOFCOM");
    }

    /** Starts simulators, central and both provinces; {@code centralExtra} adds settings for central. */
    public static Federation start(Path dir, String... centralExtra) {
        Federation f = prepare(dir, centralExtra);
        f.startCentral();
        f.startProvince(SH);
        f.startProvince(GD);
        return f;
    }

    /**
     * The simulators and the PKI, with no node started: for tests that run nodes as processes of their own
     * ({@link NodeProcess}) with {@link #centralArguments()} and {@link #provinceArguments}.
     */
    public static Federation prepare(Path dir, String... centralExtra) {
        return new Federation(dir, List.of(centralExtra));
    }

    public void startCentral() {
        central = CentralNodeApplication.start(centralArguments().toArray(String[]::new));
    }

    /** Central's command-line arguments in this federation. */
    public List<String> centralArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + centralHttp,
                "--sw.public-url=http://127.0.0.1:" + centralHttp,
                "--sw.identity.issuer=http://127.0.0.1:" + centralHttp,
                "--sw.broker.acceptor-port=" + centralBroker,
                "--sw.data-dir=" + dir.resolve("central"),
                "--sw.redelivery.delay=50ms", "--sw.redelivery.broker-delay=200ms",
                "--sw.redelivery.retry-delay=100ms", "--sw.redelivery.retry-max-delay=1s"));
        args.addAll(pkiArgs("central"));
        args.addAll(EDGE_LIMITS);
        args.add("--sw.audit.checkpoint-interval=500ms");
        args.add("--sw.reconcile.after=5s");
        args.add("--sw.reconcile.interval=500ms");
        args.add("--sw.broker.tls.key-store=" + dir.resolve("tls/broker.p12"));
        args.add("--sw.broker.tls.key-store-password=" + TLS_PASSWORD);
        provincePorts.forEach((code, ports) -> {
            args.add("--sw.identity.portals." + code + ".base-url=http://127.0.0.1:" + ports[0]);
            args.add("--sw.identity.portals." + code + ".name=" + WINDOW_NAMES.get(code));
            args.add("--sw.provinces." + code + ".broker-password=" + brokerPassword(code));
        });
        ministries.forEach((code, server) ->
                args.add("--sw.agencies." + code + ".url=" + server.baseUrl() + Ministries.AGENCY_PATHS.get(code)));
        args.addAll(centralExtra);
        return args;
    }

    /** Event streams one client may hold open at a province in the tests. */
    public static final int MAX_STREAMS = 4;

    /** Test passwords of the broker TLS stores, and of the provinces' users on central's broker. */
    public static final String TLS_PASSWORD = "test-tls-store-secret";

    public static String brokerPassword(String province) {
        return "test-" + province + "-broker-secret";
    }

    /** Central's broker speaks TLS (certificate for 127.0.0.1), made with the documented deploy/broker-tls.sh. */
    private static void brokerTls(Path dir) {
        try {
            ProcessBuilder make = new ProcessBuilder("bash", Path.of("..", "deploy", "broker-tls.sh").toString(),
                    dir.toString(), "127.0.0.1").redirectErrorStream(true);
            make.environment().put("SW_KEY_STORE_PASSWORD", TLS_PASSWORD);
            // keytool of the JDK running the tests, whatever the PATH has
            make.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
                    (path, jdk) -> jdk + java.io.File.pathSeparator + path);
            make.environment().put("SW_TRUST_STORE_PASSWORD", TLS_PASSWORD);
            Process process = make.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("deploy/broker-tls.sh failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A connection factory to central's broker as a province's user (TLS, the province's trust store). */
    public jakarta.jms.ConnectionFactory centralBrokerAs(String user, String password) {
        return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(centralBrokerUrl()
                + "?sslEnabled=true&verifyHost=true&trustStoreType=PKCS12&trustStorePath=" + dir.resolve("tls/trust.p12")
                + "&trustStorePassword=" + TLS_PASSWORD, user, password);
    }

    /** Signatures by the test PKI's nodes, enterprises and agencies, dated from {@link #CLOCK}. */
    public TestSigners signers() {
        return signers;
    }

    /** Every node trusts the test federation's root CA, re-reads its CRL, and signs with its own node key. */
    private List<String> pkiArgs(String node) {
        return List.of("--sw.pki.root-certificate=" + dir.resolve("pki/ca.pem"),
                "--sw.pki.crl=" + dir.resolve("pki/crl.pem"), "--sw.pki.crl-check-interval=100ms",
                "--sw.pki.node-key=" + dir.resolve("pki/nodes/" + node + "-key.pem"),
                "--sw.pki.node-certificate=" + dir.resolve("pki/nodes/" + node + ".pem"));
    }





    /**
     * A portal user's access token, obtained as Shanghai's portal obtains it: authorization code with PKCE at
     * central (logging in on central's login page), the code exchanged with the portal's dev credentials.
     */
    public String userToken(String username, String password) {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String redirect = url(SH) + "/login/oauth2/code/central";
        Browser browser = new Browser();
        browser.browse(centralUrl() + "/oauth2/authorize?" + Browser.form(new java.util.LinkedHashMap<>(Map.of(
                "response_type", "code", "client_id", "portal-" + SH, "scope", "openid profile",
                "redirect_uri", redirect, "state", "test-state", "code_challenge", challenge,
                "code_challenge_method", "S256"))), username, password, redirect);
        String code = Browser.query(browser.visited.get(browser.visited.size() - 1)).get("code");
        if (code == null) {
            throw new IllegalStateException("no code for " + username + ": " + browser.visited);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(centralUrl() + "/oauth2/token"))
                .header("Authorization", basic("portal-" + SH, "dev-portal-" + SH + "-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirect, "code_verifier", verifier)))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("code exchange: " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).get("access_token").asString();
    }



    /**
     * The first message parked in {@code DLQ.<queue>} at central that {@code wanted} accepts, as the operations API
     * lists it ({@code id}, {@code messageId}, {@code declarationId}, {@code messageType}, {@code reason},
     * {@code detail}, {@code parkedAt}); waits up to 30 s for it to appear.
     */
    public JsonNode parked(String queue, java.util.function.Predicate<JsonNode> wanted) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> parkedNow(centralUrl(), token("ops-central"), queue).stream().filter(wanted).findFirst()
                        .orElse(null), java.util.Objects::nonNull);
    }

    /** What is parked in {@code DLQ.<queue>} at a node now, as its operations API lists it. */
    public List<JsonNode> parkedNow(String nodeUrl, String operatorToken, String queue) {
        HttpResponse<String> response = get(nodeUrl + "/api/v1/ops/dead-letters?limit=500&queue=" + queue,
                operatorToken);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dead letters of " + queue + ": " + response.statusCode() + " "
                    + response.body());
        }
        List<JsonNode> messages = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).get(0).get("messages").forEach(messages::add);
        return messages;
    }

    /** Stops a ministry's simulator: central's calls to it are refused until {@link #startMinistry}. */
    public void stopMinistry(String agency) {
        ministries.get(agency).stop();
    }

    /** Starts a stopped ministry's simulator again, on its port, with its stubs. */
    public void startMinistry(String agency) {
        ministries.get(agency).start();
    }

    /** Registers an enterprise at central with one user, signed by the enterprise's key. */
    public HttpResponse<String> register(String uscc, String name, String kind, String username, String password) {
        String body = Json.MAPPER.writeValueAsString(Map.of("uscc", uscc, "name", name, "kind", kind,
                "users", List.of(Map.of("username", username, "password", password))));
        return post(centralUrl() + "/api/v1/enterprises", null, "application/json", body, signers.signatureBy(uscc, body));
    }

    public void stopCentral() {
        central.close();
        central = null;
    }

    public ConfigurableApplicationContext startProvince(String code, String... extra) {
        ConfigurableApplicationContext context = ProvincialNodeApplication.start(
                provinceArguments(code, extra).toArray(String[]::new));
        provinces.put(code, context);
        return context;
    }

    /** A province's command-line arguments in this federation. */
    /** The provincial windows' names, as central's login page carries them. */
    public static final Map<String, String> WINDOW_NAMES = Map.of("310000", "中国（上海）国际贸易单一窗口",
            "440000", "中国（广东）国际贸易单一窗口");

    /** Webhook receivers of the tests run on 127.0.0.1 over HTTP; retries come quickly. */
    static final List<String> WEBHOOKS = List.of("--sw.webhooks.allow-loopback=true",
            "--sw.webhooks.first-retry=100ms", "--sw.webhooks.max-retry=1s", "--sw.webhooks.poll=100ms",
            "--sw.webhooks.response-timeout=3s", "--sw.webhooks.pause-after=8");

    public List<String> provinceArguments(String code, String... extra) {
        int[] ports = provincePorts.get(code);
        List<String> args = new ArrayList<>(List.of(
                "--sw.code=" + code,
                "--server.port=" + ports[0],
                "--sw.broker.acceptor-port=" + ports[1],
                "--sw.data-dir=" + dir.resolve(code),
                "--sw.central.broker-url=tcp://127.0.0.1:" + centralBroker,
                "--sw.central.base-url=http://127.0.0.1:" + centralHttp,
                "--sw.central.retry-delay=100ms", "--sw.central.retry-max-delay=500ms",
                "--sw.identity.issuer=http://127.0.0.1:" + centralHttp,
                "--sw.redelivery.delay=50ms", "--sw.redelivery.broker-delay=200ms",
                "--sw.redelivery.retry-delay=100ms", "--sw.redelivery.retry-max-delay=1s"));
        args.addAll(pkiArgs(code));
        args.addAll(EDGE_LIMITS);
        args.add("--sw.central.broker-password=" + brokerPassword(code));
        args.add("--sw.central.trust-store=" + dir.resolve("tls/trust.p12"));
        args.add("--sw.central.trust-store-password=" + TLS_PASSWORD);
        args.add("--sw.local-services.services.pcs=" + portCommunity.baseUrl());
        args.add("--sw.intake.max-streams-per-client=" + MAX_STREAMS);
        args.add("--sw.intake.sse-heartbeat=300ms");
        args.add("--sw.portal.recheck=300ms");
        args.add("--sw.audit.checkpoint-interval=500ms");
        args.addAll(WEBHOOKS);
        args.addAll(List.of(extra));
        return args;
    }

    public void stopProvince(String code) {
        ConfigurableApplicationContext context = provinces.remove(code);
        if (context != null) {
            context.close();
        }
    }

    public String centralUrl() {
        return "http://127.0.0.1:" + centralHttp;
    }

    public String centralBrokerUrl() {
        return "tcp://127.0.0.1:" + centralBroker;
    }

    public String url(String province) {
        return "http://127.0.0.1:" + provincePorts.get(province)[0];
    }

    public ConfigurableApplicationContext centralContext() {
        return central;
    }

    public JdbcTemplate centralDb() {
        return central.getBean(JdbcTemplate.class);
    }

    public ConfigurableApplicationContext context(String province) {
        return provinces.get(province);
    }

    public JdbcTemplate db(String province) {
        return provinces.get(province).getBean(JdbcTemplate.class);
    }

    /** A token from central for a demo client (secrets are the dev values of central-node-local.yml). */
    public String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            String secret = "dev-" + id.replace("-sim", "") + "-secret";
            HttpRequest request = HttpRequest.newBuilder(URI.create(centralUrl() + "/oauth2/token"))
                    .header("Authorization", basic(id, secret))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + id + ": " + response.statusCode() + " " + response.body());
            }
            return Json.MAPPER.readTree(response.body()).get("access_token").asString();
        });
    }

    public HttpResponse<String> post(String url, String token, String contentType, String body) {
        return post(url, token, contentType, body, null);
    }

    /** Submits a JSON document, signed by its declarant when the body is a document whose declarant has a key. */
    public HttpResponse<String> submit(String province, String token, String json) {
        String signature = null;
        try {
            signature = signers.signature(Json.MAPPER.readTree(json));
        } catch (RuntimeException notJson) {
            // a malformed body goes unsigned: the node refuses it for what it is
        }
        return post(url(province) + "/api/v1/declarations", token, "application/json", json, signature);
    }

    public HttpResponse<String> post(String url, String token, String contentType, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (signature != null) {
            request.header(DocumentSignatures.HEADER, signature);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    /** The declaration as its declarant sees it at a node. */
    public JsonNode declaration(String nodeUrl, String token, String id) {
        HttpResponse<String> response = get(nodeUrl + "/api/v1/declarations/" + id, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET declaration " + id + ": " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    public HttpClient http() {
        return http;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        provinces.keySet().forEach(this::stopProvince);
        if (central != null) {
            stopCentral();
        }
        ministries.values().forEach(WireMockServer::stop);
        portCommunity.stop();
    }

    /**
     * A ministry simulator on a fixed port (so that it can be stopped and started again where central expects it),
     * loaded with the local federation's stubs whose file names start with {@code prefix}, signing like the agency
     * (its key in the test PKI).
     */

    /**
     * A free port below the kernel's ephemeral range (32768+ on Linux), so that no outgoing connection of the test
     * JVM can take it between this check and the node binding it (which happened with port 0). Stays clear of the
     * machine's services (3306, 5432, 5672, 6379, 1883, 4222).
     */
    /** A declaration's part at one agency, as the declaration API shows it. */
    public static JsonNode agency(JsonNode declaration, String code) {
        for (JsonNode agency : declaration.get("agencies")) {
            if (agency.get("agency").asString().equals(code)) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + code + " in " + declaration);
    }

    /**
     * A declaration's status at one agency, or "" while the agency is not on it yet (for waiting: a condition that
     * throws ends the wait at once).
     */
    public static String agencyStatus(JsonNode declaration, String code) {
        for (JsonNode agency : declaration.path("agencies")) {
            if (agency.path("agency").asString("").equals(code)) {
                return agency.path("status").asString("");
            }
        }
        return "";
    }

    /** The statuses of a list of receipts, in order. */
    public static List<String> statuses(JsonNode receipts) {
        List<String> out = new ArrayList<>();
        receipts.forEach(r -> out.add(r.get("status").asString()));
        return out;
    }


    /** An HTTP Basic {@code Authorization} header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (!PORTS_GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000-31999");
    }

    private static final java.util.Random RANDOM = new java.util.Random();
    private static final java.util.Set<Integer> PORTS_GIVEN = new java.util.HashSet<>();
}
