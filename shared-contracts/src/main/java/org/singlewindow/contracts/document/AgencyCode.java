package org.singlewindow.contracts.document;

/** Port agencies (ministry systems) the central node links to. */
public enum AgencyCode {
    /** 海关总署: General Administration of Customs. */
    GACC,
    /** 海事局: Maritime Safety Administration, vessels and waterway manifests. */
    MSA,
    /** 国家移民管理局: National Immigration Administration, border inspection of conveyances and crews. */
    NIA,
    /** 商务部: Ministry of Commerce, import/export licensing. */
    MOFCOM,
    /** 中国国际贸易促进委员会: China Council for the Promotion of International Trade, certificates of origin. */
    CCPIT,
    /** 国家税务总局: State Taxation Administration, export tax rebates. */
    STA,
    /** 国家外汇管理局: State Administration of Foreign Exchange, trade in goods monitoring. */
    SAFE,
    /** 银行: payment banks collecting duties and taxes. */
    BANK
}
