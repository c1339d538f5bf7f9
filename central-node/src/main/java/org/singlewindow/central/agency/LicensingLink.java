package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to commerce licensing (MOFCOM, 商务部). */
public interface LicensingLink {

    /** Asks MOFCOM to verify the licences a declaration cites, or to issue a licence applied for; returns its immediate receipts. */
    AgencyAnswer submit(AgencyRequest request);
}
