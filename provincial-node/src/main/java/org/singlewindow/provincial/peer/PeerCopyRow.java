package org.singlewindow.provincial.peer;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/** A copy of a declaration received from a peer province (notice for local services such as port logistics). */
public record PeerCopyRow(String messageId, String declarationId, String fromProvince, String ruleId,
                          SealedText payload, Instant receivedAt) {

    /** The copied document, sealed for the peer-copy row of message {@code messageId}. */
    public static SealedText seal(String messageId, String document) {
        return SealedText.of("peer_copy:" + messageId, document);
    }

    /** The copied document's JSON, opened for this row. */
    public String document() {
        return payload.open("peer_copy:" + messageId);
    }
}
