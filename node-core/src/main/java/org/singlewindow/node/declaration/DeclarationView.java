package org.singlewindow.node.declaration;

import java.time.Instant;
import java.util.List;

import org.singlewindow.node.status.EventView;
import tools.jackson.databind.JsonNode;

/**
 * A declaration with its status, every agency's receipts and its timeline.
 *
 * @param submittedBy the customs broker that submitted it for the declarant; absent when the declarant did
 * @param document    the submitted document: whole for its declarant and the broker that submitted it, the agency's
 *                    data subset for an agency officer, absent for operators
 */
public record DeclarationView(String id, String documentType, String clientReference, String declarantUscc,
                              String submittedBy, String originProvince, String status, Instant createdAt, Instant updatedAt,
                              List<AgencyView> agencies, List<EventView> timeline, JsonNode document) {

    /** One agency's status and receipts. */
    public record AgencyView(String agency, String status, Instant updatedAt, List<ReceiptView> receipts) {
    }

    /** One receipt. */
    public record ReceiptView(String status, String code, String message, Instant occurredAt) {
    }

    /** A declaration in a list. */
    public record Summary(String id, String documentType, String clientReference, String declarantUscc,
                          String submittedBy, String originProvince, String status, Instant createdAt,
                          Instant updatedAt) {

        static Summary of(DeclarationRow row) {
            return new Summary(row.id(), row.documentType(), row.clientReference(), row.declarantUscc(),
                    row.submittedBy(), row.originProvince(), row.status(), row.createdAt(), row.updatedAt());
        }
    }

    /** A page of declarations. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
