package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to the payer's bank. */
public interface BankLink {

    /** Asks the bank to pay duties and taxes from the payer's account; returns the bank's immediate receipts. */
    AgencyAnswer pay(AgencyRequest request);
}
