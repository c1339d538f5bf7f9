package org.singlewindow.contracts.exchange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.singlewindow.contracts.declaration.Checks;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.AgencyStatus;
import tools.jackson.databind.JsonNode;

/**
 * Validates a receipt an agency posts later ({@code receiptId}, {@code declarationId}, {@code status}, optional
 * {@code code}, {@code message}, {@code occurredAt}, {@code agency}) and returns every violation found. Other
 * properties are ignored: agency systems may send more than we read.
 */
public final class AgencyReceiptValidator {

    public List<Violation> validate(JsonNode root) {
        Checks c = new Checks();
        if (root == null || !root.isObject()) {
            c.add("$", "TYPE", "请求体应为 JSON 对象", "request body must be a JSON object");
            return c.violations();
        }
        c.text(root, "receiptId", "$.receiptId", true, 120);
        c.text(root, "declarationId", "$.declarationId", true, 36);
        c.text(root, "agency", "$.agency", false, 16);
        c.text(root, "code", "$.code", false, 20);
        c.text(root, "message", "$.message", false, 500);
        String status = c.text(root, "status", "$.status", true, 20);
        if (status != null && !isStatus(status)) {
            c.add("$.status", "CODE_UNKNOWN", "未知的回执状态", "unknown receipt status");
        }
        String occurredAt = c.text(root, "occurredAt", "$.occurredAt", false, 40);
        if (occurredAt != null) {
            try {
                Instant.parse(occurredAt);
            } catch (DateTimeParseException e) {
                c.add("$.occurredAt", "FORMAT", "应为 ISO-8601 时间", "must be an ISO-8601 instant");
            }
        }
        return c.violations();
    }

    /** A status an agency may report: not PENDING or SKIPPED, which only the central node records. */
    private static boolean isStatus(String value) {
        for (AgencyStatus s : AgencyStatus.values()) {
            if (s.name().equals(value) && s != AgencyStatus.PENDING && s != AgencyStatus.SKIPPED) {
                return true;
            }
        }
        return false;
    }
}
