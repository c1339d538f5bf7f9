package org.singlewindow.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an envelope goes: the central node, one agency, a peer province (another province's copy), or a province
 * receiving the results of its own declarations. Rule files name {@code central}, {@code agency:<CODE>} and
 * {@code peer:<code>}; {@code province:<code>} is where central sends results, never a rule's destination.
 *
 * @param kind what sort of destination
 * @param code agency code ({@code GACC}) or province code ({@code 440000}); empty for {@code central}
 */
public record Destination(Kind kind, String code) {

    private static final Pattern PROVINCE = Pattern.compile("\\d{6}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");

    /** The kinds of destination. */
    public enum Kind {
        /** The central node (总对总). */
        CENTRAL,
        /** A ministry system linked to the central node. */
        AGENCY,
        /** A peer provincial node: a copy one province sends another, relayed by central. */
        PEER,
        /** A province receiving what central sends back about its own declarations (notices, receipts). */
        PROVINCE
    }

    public static final Destination CENTRAL = new Destination(Kind.CENTRAL, "");

    public static Destination agency(String code) {
        return new Destination(Kind.AGENCY, code);
    }

    public static Destination peer(String provinceCode) {
        return new Destination(Kind.PEER, provinceCode);
    }

    public static Destination province(String provinceCode) {
        return new Destination(Kind.PROVINCE, provinceCode);
    }

    /**
     * Parses {@code central}, {@code agency:<CODE>}, {@code peer:<provinceCode>} or {@code province:<provinceCode>}.
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
            case "peer", "province" -> {
                if (!PROVINCE.matcher(code).matches()) {
                    throw new IllegalArgumentException(prefix + " needs a 6-digit province code: '" + text + "'");
                }
                return prefix.equals("peer") ? peer(code) : province(code);
            }
            default -> throw new IllegalArgumentException("destination must be central, agency:<CODE>, "
                    + "peer:<provinceCode> or province:<provinceCode>, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CENTRAL -> "central";
            case AGENCY -> "agency:" + code;
            case PEER -> "peer:" + code;
            case PROVINCE -> "province:" + code;
        };
    }
}
