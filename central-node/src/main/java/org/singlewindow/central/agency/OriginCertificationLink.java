package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to the China Council for the Promotion of International Trade (CCPIT, 贸促会). */
public interface OriginCertificationLink {

    /** Applies to the CCPIT for a certificate of origin; returns its immediate receipts. */
    AgencyAnswer apply(AgencyRequest request);
}
