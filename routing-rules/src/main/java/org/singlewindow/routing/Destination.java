package org.singlewindow.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a routed document goes: the central node, one agency, or a peer province.
 *
 * @param kind what sort of destination
 * @param code agency code ({@code GACC}) or province code ({@code 440000}); empty for {@code central}
 */
public record Destination(Kind kind, String code) {

    private static final Pattern PROVINCE = Pattern.compile("\\d{6}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");

    /** The three kinds of destination. */
    public enum Kind {
        /** The central node (总对总). */
        CENTRAL,
        /** A ministry system linked to the central node. */
        AGENCY,
        /** A peer provincial node. */
        PEER
    }

    public static final Destination CENTRAL = new Destination(Kind.CENTRAL, "");

    public static Destination agency(String code) {
        return new Destination(Kind.AGENCY, code);
    }

    public static Destination peer(String provinceCode) {
        return new Destination(Kind.PEER, provinceCode);
    }

    /**
     * Parses {@code central}, {@code agency:<CODE>} or {@code peer:<provinceCode>}.
     *
     * @throws IllegalArgumentException with the reason when the text is none of these
     */
    public static Destination parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("destination is missing");
        }
        String t = text.trim();
        if (t.equals("central")) {
            return CENTRAL;
        }
        int colon = t.indexOf(':');
        String prefix = colon < 0 ? t : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String code = colon < 0 ? "" : t.substring(colon + 1);
        switch (prefix) {
            case "agency" -> {
                if (!AGENCY.matcher(code).matches()) {
                    throw new IllegalArgumentException("agency code must be upper-case letters: '" + text + "'");
                }
                return agency(code);
            }
            case "peer" -> {
                if (!PROVINCE.matcher(code).matches()) {
                    throw new IllegalArgumentException("peer needs a 6-digit province code: '" + text + "'");
                }
                return peer(code);
            }
            default -> throw new IllegalArgumentException(
                    "destination must be central, agency:<CODE> or peer:<provinceCode>, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CENTRAL -> "central";
            case AGENCY -> "agency:" + code;
            case PEER -> "peer:" + code;
        };
    }
}
