package org.singlewindow.node.delegation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;

/**
 * A delegation as the {@code delegation} table holds it.
 *
 * @param documentTypes the delegated document types, comma-separated {@link DocumentType} names
 * @param signature     the principal's detached CMS signature (SM3withSM2, Base64) of the delegation request
 * @param revokedAt     when it was revoked; null while in force
 */
public record Delegation(String id, String principalUscc, String brokerUscc, String documentTypes,
                         Instant validFrom, Instant validUntil, String signature, Instant createdAt, String createdBy,
                         Instant revokedAt, String revokedBy) {

    public List<DocumentType> types() {
        return Arrays.stream(documentTypes.split(",")).map(DocumentType::valueOf).toList();
    }
}
