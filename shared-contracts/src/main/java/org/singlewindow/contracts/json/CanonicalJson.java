package org.singlewindow.contracts.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units, no
 * insignificant whitespace, strings with only the escapes JSON requires (control characters as {@code \b \t \n
 * \f \r} or a lower-case six-character {@code u00xx} escape), and numbers as ECMAScript serializes the IEEE 754
 * double they denote ({@code 1200.00} → {@code 1200}, {@code 2e-3} → {@code 0.002}, {@code 1E30} → {@code 1e+30}).
 * Two documents that differ only in formatting, member order or number spelling have the same canonical form and
 * the same {@link #sha256(JsonNode) hash}; this is what documents, envelopes and receipts are signed over.
 * <p>Like every JCS user (numbers are I-JSON doubles, RFC 7493), a number that a double cannot carry exactly
 * would lose digits here: {@link #isExact} tells, and the document validator refuses such numbers, so a signature
 * never covers a value other than the one written. A number outside the double range cannot be canonicalized.
 */
public final class CanonicalJson {

    private static final int MAX_DOUBLE_DIGITS = 17;

    private CanonicalJson() {
    }

    /**
     * The RFC 8785 form; {@link IllegalArgumentException} for a number outside the IEEE 754 double range or a string
     * with a lone surrogate.
     */
    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
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

    /** Whether the canonical form of this number denotes exactly this number (it fits an IEEE 754 double). */
    public static boolean isExact(BigDecimal value) {
        double d = value.doubleValue();
        return !Double.isInfinite(d) && shortest(d).compareTo(value) == 0;
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        if (!isWellFormed(s)) {
            throw new IllegalArgumentException("a string with a lone surrogate has no canonical form");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript's Number::toString of the double nearest to {@code value} (ECMA-262, 7.1.12.1). */
    static String number(BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new IllegalArgumentException("number out of the IEEE 754 double range: " + value.toString()
                    .substring(0, Math.min(40, value.toString().length())));
        }
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal s = shortest(Math.abs(d)).stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int k = digits.length();
        int n = k - s.scale();
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
        return sign + digits.charAt(0) + (k == 1 ? "" : "." + digits.substring(1)) + "e" + exponent;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}; of two such, the nearer to
     * {@code d}, and of two as near, the one with an even last digit (ECMA-262). Both neighbours at each precision
     * are tried, because the interval that reads back as {@code d} is lopsided at powers of two.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= MAX_DOUBLE_DIGITS; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk && upOk) {
                int nearer = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
                if (nearer != 0) {
                    return nearer < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downOk || upOk) {
                return downOk ? down : up;
            }
        }
        return exact.round(new MathContext(MAX_DOUBLE_DIGITS, RoundingMode.HALF_EVEN));
    }

    /** Whether a string is well-formed UTF-16 (no lone surrogate), as RFC 8785 and UTF-8 output require. */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
