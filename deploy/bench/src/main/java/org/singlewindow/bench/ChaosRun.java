package org.singlewindow.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The client of {@code deploy/local/chaos.sh} (not a test), which kills and restarts nodes meanwhile:
 * <ul>
 *   <li>{@code submit <n> <pki-dir> <ids-file>}: submits n declarations alternately at Shanghai and Guangdong, each
 *   retried with the same body (the same client reference) until a province accepts it, whatever is down; writes
 *   the accepted ids;</li>
 *   <li>{@code check <pki-dir> <ids-file> <timeout-seconds>}: waits until every accepted declaration is final at its
 *   province, then prints {@code submitted=… final=… lost=… duplicated=…}: lost are those not final in time (or
 *   unknown or not final at central), duplicated those whose timeline shows a final status or a receipt twice. Exit 0 only when
 *   nothing was lost or duplicated.</li>
 * </ul>
 */
public final class ChaosRun {

    private static final Duration RETRY = Duration.ofMillis(500);

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        LocalFederation federation = new LocalFederation(Path.of(args[args[0].equals("submit") ? 2 : 1]));
        int exit = switch (args[0]) {
            case "submit" -> submit(federation, Integer.parseInt(args[1]), Path.of(args[3]));
            case "check" -> check(federation, Path.of(args[2]), Duration.ofSeconds(Long.parseLong(args[3])));
            default -> throw new IllegalArgumentException("submit | check");
        };
        System.exit(exit);
    }

    private static int submit(LocalFederation federation, int count, Path idsFile) throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean shanghai = i % 2 == 0;
            String uscc = shanghai ? LocalFederation.ACME : LocalFederation.PEARL;
            String node = shanghai ? LocalFederation.SH : LocalFederation.GD;
            String body = FederationBench.declaration(uscc, i % 4 < 2);
            String id = null;
            while (id == null) {
                try {
                    String token = token(federation, shanghai);
                    HttpResponse<String> response = federation.submit(node, token, uscc, body);
                    if (response.statusCode() == 202 || response.statusCode() == 200) {
                        id = LocalFederation.JSON.readTree(response.body()).get("id").asString();
                    } else if (response.statusCode() < 500 && response.statusCode() != 429) {
                        throw new IllegalStateException("refused: " + response.statusCode() + " " + response.body());
                    }
                } catch (IOException down) {
                    // the province (or central, for a token) is down: the same body again, soon
                }
                if (id == null) {
                    Thread.sleep(RETRY.toMillis());
                }
            }
            accepted.add(shanghai + " " + id);
            Files.write(idsFile, accepted);
        }
        System.out.println("submitted=" + accepted.size());
        return 0;
    }

    private static final Map<Boolean, String> TOKENS = new LinkedHashMap<>();

    private static String token(LocalFederation federation, boolean shanghai) throws Exception {
        String token = TOKENS.get(shanghai);
        if (token == null) {
            token = shanghai ? federation.token("sh-acme", "dev-sh-acme-secret")
                    : federation.token("gd-pearl", "dev-gd-pearl-secret");
            TOKENS.put(shanghai, token);
        }
        return token;
    }

    private static int check(LocalFederation federation, Path idsFile, Duration timeout) throws Exception {
        List<String> lines = Files.readAllLines(idsFile);
        Instant deadline = Instant.now().plus(timeout);
        Map<String, JsonNode> finals = new LinkedHashMap<>();
        while (finals.size() < lines.size() && Instant.now().isBefore(deadline)) {
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (finals.containsKey(parts[1])) {
                    continue;
                }
                JsonNode declaration = fetch(federation, Boolean.parseBoolean(parts[0]), parts[1]);
                if (declaration != null && Set.of("COMPLETED", "REJECTED").contains(declaration.get("status").asString())) {
                    finals.put(parts[1], declaration);
                }
            }
            if (finals.size() < lines.size()) {
                Thread.sleep(1000);
            }
        }
        String ops = federation.token("ops-central", "dev-ops-central-secret");
        int atCentral = 0;
        int duplicated = 0;
        for (Map.Entry<String, JsonNode> done : finals.entrySet()) {
            if (knownAtCentral(federation, ops, done.getKey())) {
                atCentral++;
            }
            if (duplicated(done.getValue().get("timeline"))) {
                duplicated++;
                System.err.println("duplicated: " + done.getKey());
            }
        }
        int lost = lines.size() - atCentral;
        System.out.printf(Locale.ROOT, "submitted=%d final=%d lost=%d duplicated=%d%n", lines.size(), finals.size(),
                lost, duplicated);
        return lost == 0 && duplicated == 0 ? 0 : 1;
    }

    /** Whether central holds the declaration, final; waits out central's rate limit (429). */
    private static boolean knownAtCentral(LocalFederation federation, String ops, String id) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> response = federation.get(LocalFederation.CENTRAL + "/api/v1/declarations/" + id,
                    ops);
            if (response.statusCode() == 200) {
                return Set.of("COMPLETED", "REJECTED").contains(
                        LocalFederation.JSON.readTree(response.body()).get("status").asString());
            }
            if (response.statusCode() != 429) {
                System.err.println("central: " + id + " answered " + response.statusCode());
                return false;
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
        return false;
    }

    private static JsonNode fetch(LocalFederation federation, boolean shanghai, String id) {
        try {
            HttpResponse<String> response = federation.get((shanghai ? LocalFederation.SH : LocalFederation.GD)
                    + "/api/v1/declarations/" + id, token(federation, shanghai));
            return response.statusCode() == 200 ? LocalFederation.JSON.readTree(response.body()) : null;
        } catch (Exception unreachable) {
            return null;
        }
    }

    /** A final status twice, or the same receipt (agency, status, code) twice. */
    private static boolean duplicated(JsonNode timeline) {
        Set<String> seen = new HashSet<>();
        int finalStatuses = 0;
        for (JsonNode event : timeline) {
            String kind = event.path("kind").asString("");
            String status = event.path("status").asString("");
            if (kind.equals("STATUS") && (status.equals("COMPLETED") || status.equals("REJECTED"))) {
                finalStatuses++;
            }
            if (kind.equals("RECEIPT") && !seen.add(event.path("agency").asString("") + "/" + status + "/"
                    + event.path("code").asString(""))) {
                return true;
            }
        }
        return finalStatuses > 1;
    }
}
