package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to commerce licensing (MOFCOM, 商务部). */
public interface LicensingLink {

    /** Asks MOFCOM to verify the licences a declaration cites, or to issue a licence applied for; returns its immediate receipts. */
    List<AgencyReceipt> submit(AgencyRequest request);
}
