package org.singlewindow.international;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.singlewindow.node.atrest.SealedText;

/**
 * A row of {@code as4_message} (see its migrations for the statuses). The payload is sealed at rest for its row
 * ({@code as4_message:<messageId>}); {@link #xml()} opens it.
 */
public record As4MessageRow(String messageId, String direction, String partner, String pmode, String document,
                            String conversationId, String refTo, @JsonIgnore SealedText payload, String status,
                            int attempts, Instant nextAttemptAt, String lastError, String receipt,
                            String resultStatus, String resultMessage, String resultSigned, String resultSignature,
                            Instant createdAt, Instant updatedAt) {

    static As4MessageRow outgoing(String messageId, String partner, PMode mode, String conversationId, String refTo,
                                  String xml, Instant now) {
        return new As4MessageRow(messageId, "OUT", partner, mode.id(), mode.document().name(), conversationId, refTo,
                seal(messageId, xml), "PENDING", 0, now, null, null, null, null, null, null, now, now);
    }

    static As4MessageRow received(String messageId, String partner, PMode mode, String conversationId, String refTo,
                                  String xml, String receipt, Instant now) {
        return new As4MessageRow(messageId, "IN", partner, mode.id(), mode.document().name(), conversationId, refTo,
                seal(messageId, xml), "RECEIVED", 1, now, null, receipt, null, null, null, null, now, now);
    }

    private static SealedText seal(String messageId, String xml) {
        return SealedText.of("as4_message:" + messageId, xml);
    }

    /** The business document, opened for this row. */
    @JsonProperty("payload")
    public String xml() {
        return payload.open("as4_message:" + messageId);
    }
}
