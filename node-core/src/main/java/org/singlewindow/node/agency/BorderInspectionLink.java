package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;

/** The link to border inspection (NIA, 国家移民管理局). */
public interface BorderInspectionLink {

    /** Reports a conveyance's movement or manifest to border inspection; returns its immediate receipts. */
    List<AgencyReceipt> reportCrossing(AgencyRequest request);
}
