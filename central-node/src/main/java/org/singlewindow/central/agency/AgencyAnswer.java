package org.singlewindow.central.agency;

import org.singlewindow.node.signature.AgencySignatures;
import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;

/**
 * What a ministry link returns for a request: the receipts (central's DELIVERED first, then what the agency
 * answered at once) and the agency's signature of its answer ({@code null} when it answered nothing to sign).
 */
public record AgencyAnswer(List<AgencyReceipt> receipts, AgencySignatures.Signed signed) {
}
