package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to the tax administration (STA, 国家税务总局). */
public interface TaxLink {

    /** Files an export tax rebate claim; returns the tax administration's immediate receipts. */
    AgencyAnswer claimRebate(AgencyRequest request);
}
