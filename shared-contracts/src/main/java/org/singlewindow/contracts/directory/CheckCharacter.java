package org.singlewindow.contracts.directory;

import org.singlewindow.contracts.codes.Uscc;

/** Check-character schemes an identifier element can carry. */
public enum CheckCharacter {
    /** Unified Social Credit Code, GB 32100-2015 (see {@link Uscc}). */
    USCC,
    /**
     * Container number, ISO 6346: owner code (3 letters), category (U, J or Z), 6-digit serial, check digit.
     * Letters take the values 10–38 skipping multiples of 11; each of the first 10 characters is weighted 2^i;
     * check = (sum mod 11) mod 10.
     */
    ISO6346,
    /**
     * IMO ship identification number: "IMO" optional, then 7 digits; the 7th is the last digit of the sum of
     * the first six weighted 7, 6, 5, 4, 3, 2.
     */
    IMO;

    /** Whether the value is well formed and its check character is right. */
    public boolean valid(String value) {
        return switch (this) {
            case USCC -> Uscc.check(value) == Uscc.Check.VALID;
            case ISO6346 -> container(value);
            case IMO -> imo(value);
        };
    }

    private static boolean container(String value) {
        if (!value.matches("[A-Z]{3}[UJZ]\\d{7}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            sum += letterOrDigit(c) << i;
        }
        return (sum % 11) % 10 == value.charAt(10) - '0';
    }

    private static int letterOrDigit(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int v = 10;
        for (char x = 'A'; x < c; x++) {
            v++;
            if (v % 11 == 0) {
                v++;
            }
        }
        return v;
    }

    private static boolean imo(String value) {
        String digits = value.startsWith("IMO") ? value.substring(3) : value;
        if (!digits.matches("\\d{7}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == digits.charAt(6) - '0';
    }
}
