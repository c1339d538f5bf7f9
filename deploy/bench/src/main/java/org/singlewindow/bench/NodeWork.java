package org.singlewindow.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/**
 * Database transactions and broker messages per declaration at each node over a run, from the nodes' own counters
 * ({@code GET /api/v1/ops/counters}, with each node's operator token): read at the start, printed as
 * {@code per_declaration transactions central=X ... broker_messages central=Y ... signatures_made ...
 * signatures_verified ...} at the end (instances sharing a broker pair each report the pair's count; signatures
 * verified count computed SM2 verifications, not those found verified before).
 */
final class NodeWork {

    private final LocalFederation federation;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, JsonNode> atStart = new LinkedHashMap<>();

    /**
     * @param nodes {@code name=url,...}: the nodes (or instances) to read; empty: central, 310000 and 440000 at
     *              their usual addresses. An instance of central ({@code central-a}) is read with central's
     *              operator token.
     */
    NodeWork(LocalFederation federation, String nodes) throws IOException, InterruptedException {
        this.federation = federation;
        if (nodes.isBlank()) {
            urls.put("central", LocalFederation.CENTRAL);
            urls.put("310000", LocalFederation.SH);
            urls.put("440000", LocalFederation.GD);
        }
        for (String pair : nodes.split(",")) {
            String[] nameAndUrl = pair.split("=", 2);
            if (nameAndUrl.length == 2) {
                urls.put(nameAndUrl[0].trim(), nameAndUrl[1].trim());
            }
        }
        for (String node : urls.keySet()) {
            String operator = node.startsWith("central") ? "central" : node;
            tokens.put(node, federation.token("ops-" + operator, "dev-ops-" + operator + "-secret"));
            try {
                atStart.put(node, counters(node));
            } catch (IOException unavailable) {
                // a release before the counters: say so at the end instead of failing the run
                System.err.println("no work counters: " + unavailable.getMessage());
                atStart.clear();
                return;
            }
        }
    }

    /** Per declaration, all nodes together (a broker pair's messages counted once). */
    record Totals(double brokerMessages, double signaturesMade, double signaturesVerified) {
    }

    private Totals totals = new Totals(0, 0, 0);

    String perDeclaration(int declarations) throws IOException, InterruptedException {
        if (atStart.isEmpty()) {
            return "per_declaration n/a (the nodes have no /api/v1/ops/counters)";
        }
        Map<String, StringJoiner> lines = new LinkedHashMap<>();
        for (String[] field : FIELDS) {
            lines.put(field[0], new StringJoiner(" ", " " + field[1] + " ", ""));
        }
        Map<String, JsonNode> atEnd = new LinkedHashMap<>();
        for (String node : urls.keySet()) {
            JsonNode now = counters(node);
            atEnd.put(node, now);
            lines.forEach((field, line) -> line.add(node + "=" + delta(now, node, field, declarations)));
        }
        totals = new Totals(total(atEnd, "brokerMessagesAdded", declarations, true),
                total(atEnd, "signaturesMade", declarations, false),
                total(atEnd, "signaturesVerified", declarations, false));
        StringBuilder out = new StringBuilder("per_declaration");
        lines.values().forEach(out::append);
        return out.toString();
    }

    /** The totals of the last {@link #perDeclaration(int)}. */
    Totals totals() {
        return totals;
    }

    /** The counters printed, and their names in the result line. */
    private static final String[][] FIELDS = {{"transactionsCommitted", "transactions"},
            {"brokerMessagesAdded", "broker_messages"}, {"signaturesMade", "signatures_made"},
            {"signaturesVerified", "signatures_verified"}};

    /** The counter's growth per declaration; n/a from a release that does not count it. */
    private String delta(JsonNode now, String node, String field, int declarations) {
        if (!now.has(field) || !atStart.get(node).has(field)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", perDeclaration(now, node, field, declarations));
    }

    /**
     * A counter's growth per declaration over all nodes; {@code pairOnce}: central's instances ({@code central-a},
     * {@code central-b}) report their broker pair's count each, so only the first of them counts.
     */
    private double total(Map<String, JsonNode> atEnd, String field, int declarations, boolean pairOnce) {
        double sum = 0;
        boolean pairCounted = false;
        for (Map.Entry<String, JsonNode> node : atEnd.entrySet()) {
            boolean ofPair = node.getKey().startsWith("central-");
            if (!(pairOnce && ofPair && pairCounted)) {
                sum += perDeclaration(node.getValue(), node.getKey(), field, declarations);
            }
            pairCounted |= ofPair;
        }
        return sum;
    }

    /** The counter's growth per declaration; 0 from a release that does not count it. */
    private double perDeclaration(JsonNode now, String node, String field, int declarations) {
        if (!now.has(field) || !atStart.get(node).has(field)) {
            return 0;
        }
        return (double) (now.get(field).asLong() - atStart.get(node).get(field).asLong()) / declarations;
    }

    private JsonNode counters(String node) throws IOException, InterruptedException {
        var response = federation.get(urls.get(node) + "/api/v1/ops/counters", tokens.get(node));
        if (response.statusCode() != 200) {
            throw new IOException("counters of " + node + ": " + response.statusCode() + " " + response.body());
        }
        return LocalFederation.JSON.readTree(response.body());
    }
}
