package org.singlewindow.provincial.draft;

import java.time.Instant;

import org.apache.ibatis.annotations.AutomapConstructor;
import org.singlewindow.node.atrest.SealedText;

/**
 * A draft as stored.
 *
 * @param owner    the enterprise (USCC) it belongs to: the declarant it names
 * @param revision how many times it was saved (1 when created)
 */
public record DraftRow(String id, String owner, String documentType, SealedText payload, String createdBy,
                       Instant createdAt, Instant updatedAt, int revision) {

    @AutomapConstructor
    public DraftRow {
    }

    /** The document, sealed for the draft {@code id}. */
    public static SealedText seal(String id, String document) {
        return SealedText.of("draft:" + id, document);
    }

    public String document() {
        return payload.open("draft:" + id);
    }
}
