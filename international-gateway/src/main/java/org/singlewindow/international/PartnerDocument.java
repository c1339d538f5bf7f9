package org.singlewindow.international;

/** What travels between central and partner windows. */
public enum PartnerDocument {
    /**
     * Electronic certificate of origin (Form E, RCEP), as a UBL 2.3 {@code CertificateOfOrigin}
     * ({@code urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2}).
     */
    CERTIFICATE_OF_ORIGIN,
    /**
     * Electronic phytosanitary certificate (ePhyto), as a UN/CEFACT {@code SPSCertificate}
     * ({@code urn:un:unece:uncefact:data:standard:SPSCertificate:17}, the IPPC ePhyto schema).
     */
    SPS_CERTIFICATE,
    /** An agency's result for a document received from the other side ({@code CertificateResult}, our XML). */
    RESULT
}
