package org.singlewindow.contracts.codes;

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}; the 18th is a check character over the first 17 with the weights
 * 3^i mod 31: check = 31 − (Σ value × weight mod 31), where 31 becomes 0.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Outcome of checking a candidate code. */
    public enum Check {
        /** Well formed, check character right. */
        VALID,
        /** Not 18 characters. */
        BAD_LENGTH,
        /** A character outside the GB 32100 alphabet. */
        BAD_CHARACTER,
        /** Well formed but the check character is wrong. */
        BAD_CHECK_CHARACTER
    }

    public static Check check(String code) {
        if (code == null || code.length() != 18) {
            return Check.BAD_LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Check.BAD_CHARACTER;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? Check.VALID : Check.BAD_CHECK_CHARACTER;
    }

    public static boolean isValid(String code) {
        return check(code) == Check.VALID;
    }

    /** Computes the check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside GB 32100 alphabet at " + i);
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
