package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to maritime safety (MSA, 海事局). */
public interface MaritimeLink {

    /** Reports a vessel's movement or waterway manifest to maritime safety; returns its immediate receipts. */
    AgencyAnswer reportVoyage(AgencyRequest request);
}
