package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to customs (GACC, 海关总署). */
public interface CustomsLink {

    /** Lodges a goods declaration, manifest, conveyance report, origin certificate application, registration or tax payment notice with customs; returns the receipts (signed by the agency) customs answered with at once. */
    AgencyAnswer declare(AgencyRequest request);
}
