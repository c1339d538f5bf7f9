package org.singlewindow.central.international;

import java.time.Instant;

/** A row of {@code as4_message} (see its migration for the statuses). */
public record As4MessageRow(String messageId, String direction, String partner, String pmode, String document,
                            String conversationId, String refTo, String payload, String status, int attempts,
                            Instant nextAttemptAt, String lastError, String receipt, String resultStatus,
                            String resultMessage, Instant createdAt, Instant updatedAt) {

    static As4MessageRow outgoing(String messageId, String partner, PMode mode, String conversationId, String refTo,
                                  String payload, Instant now) {
        return new As4MessageRow(messageId, "OUT", partner, mode.id(), mode.document().name(), conversationId, refTo,
                payload, "PENDING", 0, now, null, null, null, null, now, now);
    }
}
