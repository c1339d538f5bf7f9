package org.singlewindow.central.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.declaration.DeclarationRow;

/**
 * Published by {@link ReceiptService} inside the transaction that stored new receipts, for flows that act on them in
 * that same transaction (so a crash loses neither the receipt nor what it starts).
 */
public record ReceiptsRecorded(DeclarationRow declaration, List<AgencyReceipt> fresh) {
}
