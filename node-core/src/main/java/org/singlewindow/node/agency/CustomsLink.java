package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to customs (GACC, 海关总署). */
public interface CustomsLink {

    /** Lodges a declaration with customs; returns the receipts customs answered with at once. */
    List<AgencyReceipt> declare(AgencyRequest request);
}
