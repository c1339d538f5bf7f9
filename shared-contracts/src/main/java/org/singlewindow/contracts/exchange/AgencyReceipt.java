package org.singlewindow.contracts.exchange;

import java.time.Instant;

import org.singlewindow.contracts.document.AgencyStatus;

/**
 * One processing result of one agency for one declaration.
 *
 * @param receiptId     unique per result, stable when the agency resends it (duplicates are ignored)
 * @param declarationId the declaration
 * @param agency        agency code; for posted receipts it is taken from the caller's credentials
 * @param status        the status it reports
 * @param code          the agency's own result code (e.g. CEB 800 放行)
 * @param message       the agency's message
 * @param occurredAt    when the agency decided
 */
public record AgencyReceipt(String receiptId, String declarationId, String agency, AgencyStatus status,
                            String code, String message, Instant occurredAt) {
}
