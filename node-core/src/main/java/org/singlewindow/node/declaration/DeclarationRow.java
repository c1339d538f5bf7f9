package org.singlewindow.node.declaration;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * A stored declaration, as the {@code declaration} table holds it.
 *
 * @param submittedBy  the customs broker (USCC) that submitted it for the declarant; null when the declarant did
 * @param delegationId the delegation the broker submitted under (known where the broker submitted)
 */
public record DeclarationRow(String id, String documentType, String declarantUscc, String clientReference,
                             String contentHash, String originProvince, String status, SealedText payload,
                             Instant createdAt, Instant updatedAt, String submittedBy, String delegationId) {

    /** The document, sealed for the declaration row {@code id}. */
    public static SealedText seal(String id, String document) {
        return SealedText.of("declaration:" + id, document);
    }

    /** The document as JSON text, opened for this row. */
    public String document() {
        return payload.open("declaration:" + id);
    }
}
