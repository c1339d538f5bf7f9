package org.singlewindow.node.province;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/** A copy of a declaration received from a peer province (notice for local services such as port logistics). */
public record PeerCopyRow(String messageId, String declarationId, String fromProvince, String ruleId,
                          SealedText payload, Instant receivedAt) {
}
