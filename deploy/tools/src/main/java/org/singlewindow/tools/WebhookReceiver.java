package org.singlewindow.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local federation's webhook receiver (a trader's ERP standing in): {@code WebhookReceiver <port> <dir>} takes
 * every {@code POST /hook} on 127.0.0.1, keeps its body as {@code <dir>/<n>.json} and its webhook headers as
 * {@code <dir>/<n>.headers} ({@code name: value} lines), and answers 204; {@code GET /received} tells how many it
 * took. {@code deploy/local/demo.sh} registers it at Shanghai and checks what it kept with
 * {@code deploy/webhook-verify.sh}. Bodies of at most 64 KB.
 */
public final class WebhookReceiver {

    private static final String[] HEADERS = {"X-SW-Event-Id", "X-SW-Timestamp", "X-SW-Signature-Method",
        "X-SW-Webhook-Signature"};

    private WebhookReceiver() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(64 * 1024);
                }
                int n = received.incrementAndGet();
                Files.write(dir.resolve(n + ".json"), body);
                StringBuilder headers = new StringBuilder();
                for (String name : HEADERS) {
                    headers.append(name).append(": ").append(exchange.getRequestHeaders().getFirst(name)).append('\n');
                }
                Files.writeString(dir.resolve(n + ".headers"), headers);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/received", exchange -> answer(exchange, String.valueOf(received.get())));
        server.start();
        System.out.println("webhook receiver on 127.0.0.1:" + port + ", keeping deliveries in " + dir);
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        try (exchange) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
