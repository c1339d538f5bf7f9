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
 * {@code per_declaration transactions central=X ... broker_messages central=Y ...} at the end (instances sharing
 * a broker pair each report the pair's count).
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

    String perDeclaration(int declarations) throws IOException, InterruptedException {
        if (atStart.isEmpty()) {
            return "per_declaration n/a (the nodes have no /api/v1/ops/counters)";
        }
        StringJoiner transactions = new StringJoiner(" ", "per_declaration transactions ", "");
        StringJoiner messages = new StringJoiner(" ", " broker_messages ", "");
        for (String node : urls.keySet()) {
            JsonNode now = counters(node);
            transactions.add(String.format(Locale.ROOT, "%s=%.1f", node,
                    delta(now, node, "transactionsCommitted") / declarations));
            messages.add(String.format(Locale.ROOT, "%s=%.1f", node,
                    delta(now, node, "brokerMessagesAdded") / declarations));
        }
        return transactions + messages.toString();
    }

    private double delta(JsonNode now, String node, String field) {
        return now.get(field).asLong() - atStart.get(node).get(field).asLong();
    }

    private JsonNode counters(String node) throws IOException, InterruptedException {
        var response = federation.get(urls.get(node) + "/api/v1/ops/counters", tokens.get(node));
        if (response.statusCode() != 200) {
            throw new IOException("counters of " + node + ": " + response.statusCode() + " " + response.body());
        }
        return LocalFederation.JSON.readTree(response.body());
    }
}
