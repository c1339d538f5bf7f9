package org.singlewindow.contracts.document;

/** Port agencies (ministry systems) the central node links to. */
public enum AgencyCode {
    /** 海关总署: General Administration of Customs. */
    GACC,
    /** 商务部: Ministry of Commerce, import/export licensing. */
    MOFCOM
}
