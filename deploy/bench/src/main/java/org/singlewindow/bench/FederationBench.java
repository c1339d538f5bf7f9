package org.singlewindow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;


/**
 * {@code FederationBench <declarations> <concurrency>}: submits declarations alternately at Shanghai and
 * Guangdong (half of them with a licence, so they also go to MOFCOM), follows each one's event stream until its
 * final status, and prints
 * {@code declarations=N concurrency=C throughput_per_s=X p50_ms=Y p99_ms=Z raw_artemis_msgs_per_s=R ratio=X/R}.
 * and, per declaration during the measured run, the CPU time each process of the federation spent ({@link NodeCpu}),
 * each node's database transactions and broker messages ({@link NodeWork}), and the least CPU that work could cost
 * with the best ratio it would allow ({@link CostFloor}).
 * Latency is submit-to-final-status as the declarant sees it. The raw rate is measured afterwards by
 * {@link RawArtemisBench} with messages of the size of a declaration envelope.
 */
public final class FederationBench {

    private final Path pki;
    private final LocalFederation federation;
    private final HttpClient http;
    private final String shToken;
    private final String gdToken;
    private final AtomicInteger failures = new AtomicInteger();

    private FederationBench(Path pki) throws IOException, InterruptedException {
        this.pki = pki;
        federation = new LocalFederation(pki);
        http = federation.http;
        shToken = federation.token("sh-acme", "dev-sh-acme-secret");
        gdToken = federation.token("gd-pearl", "dev-gd-pearl-secret");
    }

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's and broker client's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        FederationBench bench = new FederationBench(Path.of(args.length > 2 ? args[2] : "data/bench/pki"));
        int warmUp = Integer.getInteger("warmup", 50);
        bench.run(Math.min(warmUp, declarations), concurrency); // warm-up, not counted
        NodeWork work = new NodeWork(bench.federation, System.getProperty("nodes", "")); // its tokens: not counted
        NodeCpu cpu = NodeCpu.fromProperty(System.getProperty("pids", ""));
        double rate = Double.parseDouble(System.getProperty("rate", "0"));
        long start = System.nanoTime();
        List<Long> latencies = rate > 0 ? bench.paced(declarations, concurrency, rate)
                : bench.run(declarations, concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpuLine = cpu.perDeclaration(declarations);
        String workLine = work.perDeclaration(declarations);
        if (bench.failures.get() > 0) {
            throw new IllegalStateException(bench.failures.get() + " declarations did not reach a final status");
        }
        Collections.sort(latencies);
        double throughput = declarations / seconds;
        RawArtemisBench.Result raw = RawArtemisBench.measure(Math.max(2000, declarations * 4), concurrency,
                envelopeSize());
        System.out.printf(Locale.ROOT, "declarations=%d concurrency=%d%s throughput_per_s=%.1f p50_ms=%d p99_ms=%d "
                        + "raw_artemis_msgs_per_s=%.1f ratio=%.4f%n", declarations, concurrency,
                rate > 0 ? String.format(Locale.ROOT, " paced_per_s=%.1f", rate) : "", throughput,
                percentile(latencies, 50), percentile(latencies, 99), raw.perSecond(), throughput / raw.perSecond());
        System.out.println(cpuLine);
        System.out.println(workLine);
        System.out.println(CostFloor.line(raw, CostFloor.crypto(bench.pki, envelopeSize()), work.totals(),
                cpu.measured("simulators")));
    }

    /**
     * Starts {@code count} declarations at a steady {@code rate} per second (at most {@code concurrency} in flight);
     * each latency counts from when its declaration was due, so a backlog shows in the figures.
     */
    private List<Long> paced(int count, int concurrency, double rate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int n = i;
            results.add(pool.submit(() -> one(n, due)));
        }
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            Long latency = results.get(i).get();
            if (latency != null) {
                timeline.append(String.format(Locale.ROOT, "%.3f %d%n", i / rate, latency));
            }
        }
        List<Long> latencies = finished(pool, results);
        String file = System.getProperty("timeline", "");
        if (!file.isBlank()) { // due second and latency of each declaration, to see when the slow ones were due
            java.nio.file.Files.writeString(Path.of(file), timeline);
        }
        return latencies;
    }

    /** Pushes {@code count} declarations through with {@code concurrency} in flight; returns their latencies. */
    private List<Long> run(int count, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            results.add(pool.submit(() -> one(n, System.nanoTime())));
        }
        return finished(pool, results);
    }

    /** The latencies of the declarations that reached a final status, once all have ended; the pool shut down. */
    private static List<Long> finished(ExecutorService pool, List<Future<Long>> results) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : results) {
            Long latency = f.get();
            if (latency != null) {
                latencies.add(latency);
            }
        }
        pool.shutdown();
        return latencies;
    }

    /**
     * One declaration submitted and followed to its final status; its latency counted from {@code start}; null
     * (counted as a failure, the reason on standard error) when it did not get there.
     */
    private Long one(int n, long start) throws InterruptedException {
        try {
            return followed(n, start);
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            System.err.println("declaration " + n + " not followed to its final status: " + e);
            return null;
        }
    }

    private Long followed(int n, long start) throws IOException, InterruptedException {
        boolean shanghai = n % 2 == 0;
        String node = shanghai ? LocalFederation.SH : LocalFederation.GD;
        String token = shanghai ? shToken : gdToken;
        String uscc = shanghai ? LocalFederation.ACME : LocalFederation.PEARL;
        String body = declaration(uscc, n % 4 < 2);
        HttpResponse<String> submitted = federation.submit(node, token, uscc, body);
        if (submitted.statusCode() != 202) {
            failures.incrementAndGet();
            System.err.println("submit failed: " + submitted.statusCode() + " " + submitted.body());
            return null;
        }
        String id = LocalFederation.JSON.readTree(submitted.body()).get("id").asString();
        try {
            return streamed(node, token, id, start);
        } catch (IOException e) {
            throw new IOException("declaration " + id + " (" + statusAt(node, token, id) + "): " + e, e);
        }
    }

    /** The declaration followed on its event stream to its final status: its latency, or null (a failure). */
    private Long streamed(String node, String token, String id, long start) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(URI.create(node
                        + "/api/v1/declarations/" + id + "/events")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (events.statusCode() != 200) {
            failures.incrementAndGet();
            System.err.println("event stream refused: " + events.statusCode());
            return null;
        }
        boolean done;
        try (Stream<String> lines = events.body()) {
            done = lines.anyMatch(line -> line.startsWith("data:")
                    && (line.contains("\"status\":\"COMPLETED\"") || line.contains("\"status\":\"REJECTED\""))
                    && line.contains("\"kind\":\"STATUS\""));
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("event stream of " + id + " broke: " + e.getCause(), e);
        }
        if (!done) {
            failures.incrementAndGet();
            System.err.println("event stream of " + id + " ended before its final status ("
                    + statusAt(node, token, id) + ")");
            return null;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * What the province says of a declaration whose stream failed, to tell a stream that failed from a declaration
     * that did not get there.
     */
    private String statusAt(String node, String token, String id) {
        try {
            HttpResponse<String> read = federation.get(node + "/api/v1/declarations/" + id, token);
            return read.statusCode() == 200
                    ? "its status at the province: " + LocalFederation.JSON.readTree(read.body()).path("status")
                    : "reading it answered " + read.statusCode();
        } catch (IOException | RuntimeException e) {
            return "reading it failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String declaration(String uscc, boolean licensed) {
        String licence = licensed ? ", \"licences\": [{\"type\": \"AUTO_IMPORT\", \"number\": \"26-AA-000001\"}]" : "";
        return """
                {"documentType": "GOODS_DECLARATION", "clientReference": "BENCH-%s",
                 "declarant": {"uscc": "%s"},
                 "data": {"direction": "IMPORT", "declarationCustoms": "2201", "portCustoms": "2201",
                   "tradeMode": "0110", "transportMode": "2", "billOfLading": "COSU6263821470",
                   "consigneeConsignor": {"uscc": "%s", "name": "上海某某进出口有限公司"},
                   "overseasParty": {"name": "ACME Corp", "country": "USA"}, "tradeCountry": "USA",
                   "currency": "USD", "remarks": "",
                   "items": [{"seq": 1, "hsCode": "8471300000", "name": "便携式计算机", "quantity": 10, "unit": "001",
                     "unitPrice": 1200.00, "totalPrice": 12000.00, "originCountry": "USA"%s}]}}
                """.formatted(UUID.randomUUID().toString().substring(0, 24), uscc, uscc, licence);
    }

    /** Bytes of a declaration envelope as nodes exchange it (document plus envelope fields and hops). */
    static int envelopeSize() {
        return declaration("91310115MA1H7G0X0M", true).getBytes(StandardCharsets.UTF_8).length + 400;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
