package org.singlewindow.international;

/** A message refused with an ebMS error code ({@code EBMS:0101} and the like), answered as an error signal. */
class As4Refusal extends RuntimeException {

    private final String code;
    private final String shortDescription;

    As4Refusal(String code, String shortDescription, String detail) {
        super(detail);
        this.code = code;
        this.shortDescription = shortDescription;
    }

    String code() {
        return code;
    }

    String shortDescription() {
        return shortDescription;
    }
}
