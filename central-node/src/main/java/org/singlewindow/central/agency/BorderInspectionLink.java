package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to border inspection (NIA, 国家移民管理局). */
public interface BorderInspectionLink {

    /** Reports a conveyance's movement or manifest to border inspection; returns its immediate receipts. */
    AgencyAnswer reportCrossing(AgencyRequest request);
}
