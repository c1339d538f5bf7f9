package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to foreign exchange (SAFE, 国家外汇管理局). */
public interface ForexLink {

    /** Reports an export declaration for trade-in-goods forex monitoring; returns SAFE's immediate receipts. */
    AgencyAnswer reportTrade(AgencyRequest request);
}
