package org.singlewindow.contracts.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Canonical form of a JSON tree: object keys sorted, numbers without trailing zeros, no insignificant
 * whitespace. Two documents that differ only in formatting, key order or {@code 1200.0} vs {@code 1200} have
 * the same canonical form and the same {@link #sha256(JsonNode) hash}.
 */
public final class CanonicalJson {

    /** Most trailing zeros an integer is written out with; larger exponents stay in E notation. */
    static final int MAX_EXPANDED_ZEROS = 64;

    private CanonicalJson() {
    }

    public static String canonicalize(JsonNode node) {
        return Json.MAPPER.writeValueAsString(normalize(node));
    }

    /** Hex SHA-256 of the canonical form. */
    public static String sha256(JsonNode node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalize(node).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode normalize(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), normalize(e.getValue()));
            }
            ObjectNode out = f.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(child -> out.add(normalize(child)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            // 1200 rather than 1.2E+3, but never expand an exponent into millions of digits (1E+999999 stays so)
            return f.numberNode(value.scale() < 0 && value.scale() >= -MAX_EXPANDED_ZEROS ? value.setScale(0) : value);
        }
        return node;
    }
}
