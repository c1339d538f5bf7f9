package org.singlewindow.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The balancer ({@code application.yml}) over real HTTP, as it runs, in front of two instances that both pass their
 * health check. One answers every request; the other accepts a connection and drops it (reset) without answering, as
 * an instance does while it dies. A request that could not reach an instance must reach the other one with its body;
 * an instance's own answer, a 5xx included, must be passed on and never sent again (a POST repeated after a 500 went
 * out with an empty body, and an AS4 fault became the balancer's own empty 500); when nothing can be reached the
 * balancer answers itself; an event stream passes through event by event; the instance is told the caller's address.
 */
class BalancerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Queue<String> ANSWERED = new ConcurrentLinkedQueue<>();
    private static final CountDownLatch NEXT_EVENT = new CountDownLatch(1);
    private static HttpServer answering;
    private static DroppingInstance dropping;
    private static ConfigurableApplicationContext balancer;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        answering = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answering.createContext("/actuator/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        answering.setExecutor(Executors.newCachedThreadPool()); // a held event stream does not hold the others
        answering.createContext("/", BalancerTest::answer);
        answering.createContext("/who", exchange -> answer(exchange, 200,
                exchange.getRequestHeaders().getFirst("X-Forwarded-For") + " "
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
        answering.createContext("/events", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("event: status\ndata: RECEIVED\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                NEXT_EVENT.await(20, TimeUnit.SECONDS);
                out.write("event: status\ndata: COMPLETED\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        answering.createContext("/vanish", exchange -> {
            ANSWERED.add("dropped " + exchange.getRequestURI().getPath());
            throw new IOException("dropped unanswered"); // the server closes the connection
        });
        answering.start();
        dropping = new DroppingInstance();
        balancer = SpringApplication.run(BalancerApplication.class, "--server.port=0",
                "--SW_CENTRAL_A=http://127.0.0.1:" + dropping.port(),
                "--SW_CENTRAL_B=http://127.0.0.1:" + answering.getAddress().getPort());
        base = "http://127.0.0.1:" + balancer.getEnvironment().getProperty("local.server.port");
        // both instances in the balanced list: the dropping one has taken at least one request
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            send("GET", "/warm-up", null);
            return dropping.dropped.get() > 0;
        });
    }

    @AfterAll
    static void stop() throws IOException {
        balancer.close();
        answering.stop(0);
        dropping.close();
    }

    @BeforeEach
    void forget() {
        ANSWERED.clear();
        dropping.dropped.set(0);
    }

    @Test
    void a_request_that_reaches_no_instance_should_go_to_the_other_with_its_body() throws Exception {
        postSix("/api/v1/agency-receipts", "receipt-", 200, "got");

        assertThat(dropping.dropped.get()).as("requests the dropping instance took first").isPositive();
        assertThat(ANSWERED).containsExactly(IntStream.range(0, 6)
                .mapToObj(i -> "POST /api/v1/agency-receipts receipt-" + i).toArray(String[]::new));
    }

    @Test
    void an_instances_own_server_error_should_be_passed_on_not_sent_again() throws Exception {
        postSix("/fault", "message-", 500, "refused");

        assertThat(ANSWERED).hasSize(6);
    }

    /**
     * Six POSTs to {@code path} through the balancer, bodies {@code prefix} 0 to 5 (about half go to the dropping
     * instance first), each answered {@code status} with "{@code answer} POST path body" by the answering one.
     */
    private static void postSix(String path, String prefix, int status, String answer) throws Exception {
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = send("POST", path, prefix + i);
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.body()).isEqualTo(answer + " POST " + path + " " + prefix + i);
        }
    }

    @Test
    void when_no_instance_can_be_reached_should_answer_502_itself_and_send_nothing_on() throws Exception {
        HttpResponse<String> response = send("POST", "/vanish", "lost");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.body()).contains("\"code\":\"INSTANCE_UNREACHABLE\"", "\"titleZh\":\"无法连接任何实例\"");
        assertThat(ANSWERED).as("no instance answered anything, GET /error included").allMatch(
                request -> request.equals("dropped /vanish"));
        assertThat(dropping.dropped.get() + ANSWERED.size()).as("the first try and both retries").isEqualTo(3);
    }

    @Test
    void an_instance_should_be_told_who_called_and_at_which_address_whatever_the_caller_claims() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/who"))
                .header("X-Forwarded-For", "203.0.113.66").header("X-Forwarded-Host", "elsewhere.example").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).as("X-Forwarded-For and X-Forwarded-Host, which the nodes believe from a "
                + "trusted proxy (SW_TRUSTED_PROXIES), the caller's own claims dropped")
                .isEqualTo("127.0.0.1 " + URI.create(base).getAuthority());
    }

    @Test
    void an_event_stream_should_pass_each_event_on_as_the_instance_writes_it() throws Exception {
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        HttpResponse<java.util.stream.Stream<String>> stream = CLIENT.send(HttpRequest.newBuilder(
                URI.create(base + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: RECEIVED"));
        assertThat(lines).as("the instance has not written it yet").doesNotContain("data: COMPLETED");
        NEXT_EVENT.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: COMPLETED"));
        reader.join(10_000);
    }

    @Test
    void a_request_the_balancer_itself_refuses_should_get_its_own_problem_and_go_no_further() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/declarations"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"", "\"titleZh\":");
        assertThat(ANSWERED).as("its error page not sent on as GET /error").isEmpty();
    }

    @Test
    void a_request_tomcat_refuses_before_the_balancer_should_get_a_problem_not_an_html_page() throws Exception {
        URI at = URI.create(base);
        for (String target : new String[]{"/api/v1/declarations/%2F..%2Fx", "/api/v1/declarations?q=\u0000",
                "/api/v1/declarations?q=\u001b"}) {
            try (Socket socket = new Socket(at.getHost(), at.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + target + " HTTP/1.1\r\nHost: " + at.getAuthority() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase(
                        "Content-Type: application/problem+json").contains("\"code\":\"REQUEST_REFUSED\"",
                        "\"titleZh\":").doesNotContain("<html");
            }
        }
        assertThat(ANSWERED).as("nothing sent on").isEmpty();
    }

    @Test
    void when_no_instance_passes_its_health_check_should_answer_503() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConfigurableApplicationContext alone = SpringApplication.run(BalancerApplication.class,
                     "--server.port=0", "--SW_CENTRAL_A=http://127.0.0.1:" + closed.getLocalPort(),
                     "--SW_CENTRAL_B=http://127.0.0.1:" + closed.getLocalPort())) {
            closed.close(); // nothing listens there any more
            URI uri = URI.create("http://127.0.0.1:" + alone.getEnvironment().getProperty("local.server.port")
                    + "/api/v1/declarations");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("\"code\":\"NO_INSTANCE\"", "\"detailZh\":");
            });
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ANSWERED.add(request);
        boolean fault = exchange.getRequestURI().getPath().equals("/fault");
        answer(exchange, fault ? 500 : 200, (fault ? "refused " : "got ") + request);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An instance that passes its health check but drops the connection of any other request unanswered (reset). */
    private static final class DroppingInstance implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger dropped = new AtomicInteger();

        DroppingInstance() throws IOException {
            Thread acceptor = new Thread(this::accept, "dropping-instance");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    String requestLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1)).readLine();
                    if (requestLine != null && requestLine.contains(" /actuator/health ")) {
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"UP\"}")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        dropped.incrementAndGet();
                        socket.setSoLinger(true, 0); // closing now resets the connection
                    }
                } catch (IOException e) {
                    // closed by the test, or a client gone: the next connection is accepted as before
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
