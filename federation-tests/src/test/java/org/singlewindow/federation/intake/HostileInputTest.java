package org.singlewindow.federation.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * More than 10,000 hostile requests at a running provincial node: malformed, oversized, deeply nested, wrongly
 * encoded (UTF-16, a BOM, another charset, invalid UTF-8), unsafe XML, mutated documents, forged signatures,
 * replays of an accepted reference with other content, wrong media types and tokens. Every answer is a 4xx with
 * problem details (never a 5xx), nothing is stored, and valid declarations submitted meanwhile are all accepted
 * and completed. (An exact replay of an accepted submission is not hostile: it answers 200 with the original.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class HostileInputTest {

    private static final int REQUESTS = 10_240;
    private Federation federation;
    private String token;
    private ObjectNode valid;
    private String validSignature;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        token = federation.token("sh-acme");
        valid = Samples.declaration(Samples.ACME_SH);
        validSignature = federation.signers().signature(valid);
    }

    /** One hostile request: what it is, the request. */
    private record Attack(String kind, HttpRequest request) {
    }

    @Test
    void hostile_requests_should_all_get_4xx_problems_store_nothing_and_not_disturb_valid_traffic() throws Exception {
        ObjectNode first = Samples.declaration(Samples.ACME_SH);
        accepted(first);
        String replayed = first.get("clientReference").asString();
        int storedBefore = stored();
        Random random = new Random(20261127L);
        List<Supplier<Attack>> generators = generators(random, replayed);

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> validIds = new ArrayList<>();
        Thread steady = new Thread(() -> {
            while (running.get()) {
                validIds.add(accepted(Samples.declaration(Samples.ACME_SH)));
                await().pollDelay(Duration.ofMillis(250)).until(() -> true);
            }
        });
        steady.start();

        Map<String, Integer> byKind = new ConcurrentHashMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Attack attack = generators.get(i % generators.size()).get();
            futures.add(pool.submit(() -> {
                HttpResponse<String> response = federation.send(attack.request());
                byKind.merge(attack.kind() + " " + response.statusCode(), 1, Integer::sum);
                if (!isProblem(response)) {
                    wrong.add(attack.kind() + " → " + response.statusCode() + " " + abbreviate(response.body()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        running.set(false);
        steady.join();

        assertThat(wrong).as("answers that are not 4xx problem details: " + byKind).isEmpty();
        assertThat(byKind.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(stored()).as("only the valid declarations submitted meanwhile were stored")
                .isEqualTo(storedBefore + validIds.size());
        assertThat(validIds).isNotEmpty();
        StandardDeclarations waits = new StandardDeclarations(federation);
        for (String id : validIds) {
            assertThat(waits.awaitFinal(id).get("status").asString()).isEqualTo("COMPLETED");
        }
        System.out.println("hostile requests by kind and status: " + new java.util.TreeMap<>(byKind));
    }

    private List<Supplier<Attack>> generators(Random random, String replayedReference) {
        String url = federation.url(SH) + "/api/v1/declarations";
        String body = Json.MAPPER.writeValueAsString(valid);
        return List.of(
                () -> json("truncated JSON", body.substring(0, random.nextInt(body.length() - 1)), validSignature),
                () -> json("random bytes", randomBytes(random, 1 + random.nextInt(2000)), validSignature),
                () -> json("deeply nested", "[".repeat(5_000 + random.nextInt(50_000)), validSignature),
                () -> json("deep object", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), validSignature),
                () -> json("oversized", "{\"x\":\"" + "A".repeat(300_000) + "\"}", validSignature),
                () -> new Attack("bad UTF-8", post(url, "application/json", token, validSignature,
                        invalidUtf8(random, body))),
                () -> new Attack("UTF-16 as JSON", post(url, "application/json", token, validSignature,
                        fresh(StandardCharsets.UTF_16))),
                () -> new Attack("UTF-8 with a BOM", post(url, "application/json", token, validSignature,
                        concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, fresh(StandardCharsets.UTF_8)))),
                () -> new Attack("Latin-1 charset", post(url, "application/json;charset=ISO-8859-1", token, validSignature,
                        fresh(StandardCharsets.UTF_8))),
                () -> mutated("mutated document", random),
                () -> mutated("mutated document", random),
                () -> mutated("mutated document", random),
                () -> json("forged signature", body, Base64.getEncoder().encodeToString(randomBytesRaw(random, 300))),
                () -> json("signature of other content", body, federation.signers().signature(Samples.declaration(Samples.ACME_SH))),
                () -> json("garbage signature", body, "%%" + random.nextInt()),
                () -> json("unsigned", body, null),
                () -> {
                    ObjectNode replay = Samples.declaration(Samples.ACME_SH);
                    replay.put("clientReference", replayedReference);
                    ((ObjectNode) replay.get("data")).put("remarks", "replayed " + random.nextInt());
                    return json("replay with other content", Json.MAPPER.writeValueAsString(replay),
                            federation.signers().signature(replay));
                },
                () -> new Attack("XXE", post(url, "application/xml", token, null, ("<?xml version=\"1.0\"?><!DOCTYPE d "
                        + "[<!ENTITY x SYSTEM \"file:///etc/passwd\">]><DecMessage><DecHead><NoteS>&x;</NoteS></DecHead>"
                        + "</DecMessage>").getBytes(StandardCharsets.UTF_8))),
                () -> new Attack("billion laughs", post(url, "application/xml", token, null, billionLaughs())),
                () -> new Attack("deep XML", post(url, "application/xml", token, null,
                        ("<DecMessage>" + "<a>".repeat(100 + random.nextInt(5000)) + "</DecMessage>")
                                .getBytes(StandardCharsets.UTF_8))),
                () -> new Attack("random XML", post(url, "text/xml", token, null, randomBytesRaw(random, 500))),
                () -> new Attack("wrong media type", post(url, "text/plain", token, validSignature,
                        body.getBytes(StandardCharsets.UTF_8))),
                () -> new Attack("no token", post(url, "application/json", null, validSignature,
                        body.getBytes(StandardCharsets.UTF_8))),
                () -> new Attack("forged token", post(url, "application/json", token.substring(0, token.length() - 6)
                        + "AAAAAA", validSignature, body.getBytes(StandardCharsets.UTF_8))),
                () -> new Attack("agency token", post(url, "application/json", federation.token("gacc-sim"),
                        validSignature, body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A valid document with one to three random mutations: wrong types, unknown fields, huge or control text. */
    private Attack mutated(String kind, Random random) {
        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        for (int m = 0; m <= random.nextInt(3); m++) {
            ObjectNode data = (ObjectNode) document.get("data");
            ObjectNode item = data.path("items").path(0) instanceof ObjectNode first ? first : data;
            switch (random.nextInt(12)) {
                case 0 -> data.put("currency", random.nextInt());
                case 1 -> data.putArray("items");
                case 2 -> item.put("quantity", "1e999999");
                case 3 -> item.put("quantity", 7.77e77);
                case 4 -> data.put("remarks", "\u0000\u0007\u001b" + "x".repeat(random.nextInt(300)));
                case 5 -> document.put("documentType", random.nextBoolean() ? "MANIFEST" : "NO_SUCH_TYPE");
                case 6 -> document.putObject("declarant").put("uscc", "91310115MA1H7G0X0" + (char) ('A' + random.nextInt(12)));
                case 7 -> data.set("items", Json.MAPPER.createObjectNode());
                case 8 -> item.put("seq", -random.nextInt(1000));
                case 9 -> document.put("unexpected" + random.nextInt(100), true);
                case 10 -> data.put("tradeMode", "💥".repeat(1 + random.nextInt(40)));
                default -> item.put("totalPrice", random.nextDouble() * 1e6);
            }
        }
        String text = Json.MAPPER.writeValueAsString(document).replace("7.77E77", "1E+999999");
        return json(kind, text, text.contains("1E+999999") ? validSignature : federation.signers().signature(document));
    }

    /** A valid document never submitted before, in an encoding; signed only if the attack wants it accepted. */
    private byte[] fresh(java.nio.charset.Charset charset) {
        return Json.MAPPER.writeValueAsString(Samples.declaration(Samples.ACME_SH)).getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Attack json(String kind, String body, String signature) {
        return new Attack(kind, post(federation.url(SH) + "/api/v1/declarations", "application/json", token, signature,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest post(String url, String contentType, String token, String signature, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (signature != null) {
            request.header("X-SW-Signature", signature);
        }
        return request.build();
    }

    private boolean isProblem(HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            return false;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = Json.MAPPER.readTree(response.body());
        return problem.hasNonNull("code") && problem.hasNonNull("detailZh");
    }

    private String accepted(ObjectNode document) {
        HttpResponse<String> response = federation.submit(SH, token, Json.MAPPER.writeValueAsString(document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.MAPPER.readTree(response.body()).get("id").asString();
    }

    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class);
    }

    private static String randomBytes(Random random, int n) {
        return new String(randomBytesRaw(random, n), StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytesRaw(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] invalidUtf8(Random random, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        bytes[10 + random.nextInt(bytes.length - 20)] = (byte) 0xC3;
        bytes[11 + random.nextInt(bytes.length - 22)] = (byte) 0xFF;
        return bytes;
    }

    private static byte[] billionLaughs() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return bomb.append("]><DecMessage><DecHead><NoteS>&lol9;</NoteS></DecHead></DecMessage>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }
}
