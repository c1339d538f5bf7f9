package org.singlewindow.node.outbox;

import java.time.Instant;

import org.apache.ibatis.annotations.AutomapConstructor;

import org.singlewindow.node.atrest.SealedText;

/**
 * A message waiting to be published to the node's broker.
 *
 * @param messageId the envelope's message id: the broker's duplicate-detection id
 * @param queueName destination queue on the node's own broker
 * @param groupId   message group (the declaration id): keeps one declaration's messages in order
 * @param body      the envelope as JSON
 * @param parkedAt   when the relay set it aside (null: waiting to be published)
 * @param parkReason why it was set aside
 */
public record OutboxRow(Long id, String messageId, String queueName, String groupId, SealedText body,
                        Instant createdAt, Instant parkedAt, String parkReason) {

    @AutomapConstructor
    public OutboxRow {
    }

    public OutboxRow(Long id, String messageId, String queueName, String groupId, SealedText body, Instant createdAt) {
        this(id, messageId, queueName, groupId, body, createdAt, null, null);
    }

    /** The envelope's JSON, sealed for the outbox row of message {@code messageId}. */
    public static SealedText seal(String messageId, String envelope) {
        return SealedText.of("outbox:" + messageId, envelope);
    }

    /** The envelope's JSON, opened for this row (fails for this row only when it does not open). */
    public String text() {
        return body.open("outbox:" + messageId);
    }
}
