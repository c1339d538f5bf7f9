package org.singlewindow.contracts.directory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data element's representation in the UN/EDIFACT notation the WCO Data Model and UN/TDED use: {@code a}
 * letters, {@code n} digits, {@code an} any characters; {@code ..} before the length means "up to"; a numeric
 * format may give decimals after a comma. Examples: {@code an..35} up to 35 characters, {@code n4} exactly 4
 * digits, {@code a3} exactly 3 letters, {@code n..16,2} up to 16 digits of which at most 2 decimals.
 *
 * @param characters which characters are allowed
 * @param upTo       whether {@code length} is a maximum rather than exact
 * @param length     total length (digits for numbers, decimals included)
 * @param decimals   most decimals (numbers only; 0 otherwise)
 */
public record Format(Characters characters, boolean upTo, int length, int decimals) {

    private static final Pattern NOTATION = Pattern.compile("(an|a|n)(\\.\\.)?(\\d{1,4})(?:,(\\d{1,2}))?");

    /** Character classes of the notation. */
    public enum Characters {
        /** {@code a}: letters A–Z, a–z. */
        ALPHA,
        /** {@code n}: digits 0–9. */
        NUMERIC,
        /** {@code an}: any printable character (Chinese included), no control characters. */
        ANY
    }

    public static Format parse(String notation) {
        Matcher m = notation == null ? null : NOTATION.matcher(notation);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("format '" + notation + "' is not in the an..35 / n4 / n..16,2 notation");
        }
        Characters chars = switch (m.group(1)) {
            case "a" -> Characters.ALPHA;
            case "n" -> Characters.NUMERIC;
            default -> Characters.ANY;
        };
        int decimals = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int length = Integer.parseInt(m.group(3));
        if (decimals > 0 && (chars != Characters.NUMERIC || decimals >= length)) {
            throw new IllegalArgumentException("format '" + notation + "': decimals need n and fewer than the length");
        }
        return new Format(chars, m.group(2) != null, length, decimals);
    }

    /** Whether a text value has the right characters and length (length errors are reported separately). */
    public boolean charactersMatch(String value) {
        return switch (characters) {
            case ALPHA -> value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
            case NUMERIC -> value.chars().allMatch(c -> c >= '0' && c <= '9');
            case ANY -> value.chars().noneMatch(Character::isISOControl);
        };
    }

    /** Most digits before the decimal point. */
    public int integerDigits() {
        return length - decimals;
    }

    /** A short description, e.g. "4 位数字" / "4 digits". */
    public String describeZh() {
        String what = switch (characters) {
            case ALPHA -> "字母";
            case NUMERIC -> "数字";
            case ANY -> "字符";
        };
        return (upTo ? "最多 " : "") + length + " 位" + what + (decimals > 0 ? "，最多 " + decimals + " 位小数" : "");
    }

    public String describeEn() {
        String what = switch (characters) {
            case ALPHA -> "letters";
            case NUMERIC -> "digits";
            case ANY -> "characters";
        };
        return (upTo ? "up to " : "") + length + " " + what + (decimals > 0 ? ", at most " + decimals + " decimals" : "");
    }

    @Override
    public String toString() {
        String c = switch (characters) {
            case ALPHA -> "a";
            case NUMERIC -> "n";
            case ANY -> "an";
        };
        return c + (upTo ? ".." : "") + length + (decimals > 0 ? "," + decimals : "");
    }
}
