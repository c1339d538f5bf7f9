package org.singlewindow.contracts.exchange;

import java.util.List;

import org.singlewindow.contracts.change.ChangeKind;
import tools.jackson.databind.JsonNode;

/**
 * Central to one agency: a change of a document the agency received, what its link posts to the agency's
 * {@code <url>/changes} (the agency answers {@code {"decision": "APPROVED"|"REFUSED", "code", "message"}}, signed
 * like receipts).
 *
 * @param messageId     the message carrying it (the agency's idempotency key); null until it is delivered
 * @param declarationId the document
 * @param changeId      the change (the same for every agency asked)
 * @param kind          amendment or cancellation
 * @param version       an amendment's new version; 0 for a cancellation
 * @param reasonCode    the declarant's reason code
 * @param reasonText    the declarant's reason, as written
 * @param document      an amendment's new version cut to this agency's grant; null for a cancellation
 * @param changedFields the fields of this agency's subset the amendment changed (dotted paths); empty for a
 *                      cancellation
 * @param agencyStatus  this agency's status of the document when central asked (e.g. RELEASED)
 * @param submittedBy   the customs broker that asked for the declarant; null when the declarant did
 */
public record AgencyChange(String messageId, String declarationId, String changeId, ChangeKind kind, int version,
                           String reasonCode, String reasonText, JsonNode document, List<String> changedFields,
                           String agencyStatus, String submittedBy) {

    public AgencyChange {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** The same change as delivered in message {@code id}. */
    public AgencyChange delivered(String id, String declaration) {
        return new AgencyChange(id, declaration, changeId, kind, version, reasonCode, reasonText, document,
                changedFields, agencyStatus, submittedBy);
    }
}
