package org.singlewindow.node.declaration;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/** A stored declaration, as the {@code declaration} table holds it. */
public record DeclarationRow(String id, String documentType, String declarantUscc, String clientReference,
                             String contentHash, String originProvince, String status, SealedText payload,
                             Instant createdAt, Instant updatedAt) {
}
