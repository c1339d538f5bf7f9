package org.singlewindow.provincial.webhook;

import java.time.Instant;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * An enterprise's leave for another (its logistics partner) to subscribe to its documents.
 *
 * @param owner         the enterprise whose documents
 * @param partner       the enterprise allowed to follow them
 * @param declarationId one document only (null: all of them)
 * @param revokedAt     when it was revoked (null: in force)
 */
public record GrantRow(String id, String owner, String partner, String declarationId, String createdBy,
                       Instant createdAt, Instant revokedAt, String revokedBy) {

    @AutomapConstructor
    public GrantRow {
    }
}
