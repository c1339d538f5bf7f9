package org.singlewindow.node.change;

import java.time.Instant;

/**
 * One change request ({@code declaration_change}).
 *
 * @param kind        {@link org.singlewindow.contracts.change.ChangeKind} name
 * @param version     an amendment's new version; 0 for a cancellation
 * @param state       {@link org.singlewindow.contracts.change.ChangeState} name
 * @param detail      why it ended as it did (English and Chinese); null while open
 * @param requestHash SHA-256 of the canonical signed request: the same request repeated finds this row
 * @param requestedBy the client that asked
 */
public record ChangeRow(String id, String declarationId, String kind, int version, String reasonCode,
                        String reasonText, String state, String detail, String requestHash, String requestedBy,
                        Instant requestedAt, Instant decidedAt) {
}
