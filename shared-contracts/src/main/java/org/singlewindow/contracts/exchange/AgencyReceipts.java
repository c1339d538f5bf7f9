package org.singlewindow.contracts.exchange;

import java.util.List;

/**
 * Central to the origin province: receipts recorded together (e.g. an agency's acknowledgement and the results it
 * answered with synchronously), in the order they were recorded.
 */
public record AgencyReceipts(List<AgencyReceipt> receipts) {

    public AgencyReceipts {
        receipts = List.copyOf(receipts);
    }
}
