package org.singlewindow.contracts.document;

/** Port agencies (ministry systems) the central node links to. */
public enum AgencyCode {
    /** 海关总署: General Administration of Customs. */
    GACC,
    /** 商务部: Ministry of Commerce, import/export licensing. */
    MOFCOM;

    /** Parses a code case-insensitively, or returns {@code null} when it names no agency. */
    public static AgencyCode parse(String code) {
        if (code == null) {
            return null;
        }
        for (AgencyCode c : values()) {
            if (c.name().equalsIgnoreCase(code.trim())) {
                return c;
            }
        }
        return null;
    }
}
