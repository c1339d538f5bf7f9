package org.singlewindow.node.declaration;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;

/**
 * Published inside the transaction that stored new agency receipts for a declaration (central's receipt service), for
 * flows that act on them in that same transaction, such as the international gateway sending an approved certificate
 * of origin abroad (so a crash loses neither the receipt nor what it starts).
 */
public record ReceiptsRecorded(DeclarationRow declaration, List<AgencyReceipt> fresh) {
}
