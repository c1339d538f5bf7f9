package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to the payer's bank. */
public interface BankLink {

    /** Asks the bank to pay duties and taxes from the payer's account; returns the bank's immediate receipts. */
    List<AgencyReceipt> pay(AgencyRequest request);
}
