package org.singlewindow.node.declaration;

import java.time.Instant;

/** A stored declaration, as the {@code declaration} table holds it. */
public record DeclarationRow(String id, String documentType, String declarantUscc, String clientReference,
                             String contentHash, String originProvince, String status, String payload,
                             Instant createdAt, Instant updatedAt) {
}
