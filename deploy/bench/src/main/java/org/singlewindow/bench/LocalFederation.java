package org.singlewindow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.singlewindow.security.Pem;
import org.singlewindow.tools.Pki;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local federation as the benchmark and the fault run reach it: its nodes' URLs (system properties
 * {@code central}, {@code sh}, {@code gd}), tokens of its demo clients, and the demo declarants' signatures with
 * their keys from its PKI directory.
 */
final class LocalFederation {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CENTRAL = System.getProperty("central", "http://127.0.0.1:8600");
    static final String SH = System.getProperty("sh", "http://127.0.0.1:8631");
    static final String GD = System.getProperty("gd", "http://127.0.0.1:8644");
    static final String ACME = "91310115MA1H7G0X0M";
    static final String PEARL = "91440300MA5F2B3K1X";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    LocalFederation(Path pki) throws IOException {
        for (String uscc : List.of(ACME, PEARL)) {
            keys.put(uscc, Pem.privateKey(Files.readString(pki.resolve("enterprises/" + uscc + "-key.pem"))));
            certificates.put(uscc, Pem.certificate(Files.readString(pki.resolve("enterprises/" + uscc + ".pem"))));
        }
    }

    /** A demo declarant's signature of a document (X-SW-Signature). */
    String sign(String uscc, String json) {
        return Pki.sign(keys.get(uscc), certificates.get(uscc), json, java.time.Instant.now());
    }

    /** An access token from central for a demo client (client credentials). */
    String token(String client, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(CENTRAL + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token for " + client + ": " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asString();
    }

    /** Submits a signed document at a province. */
    HttpResponse<String> submit(String node, String token, String uscc, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/declarations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-SW-Signature", sign(uscc, body)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
