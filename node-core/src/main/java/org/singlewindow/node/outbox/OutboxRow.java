package org.singlewindow.node.outbox;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * A message waiting to be published to the node's broker.
 *
 * @param messageId the envelope's message id: the broker's duplicate-detection id
 * @param queueName destination queue on the node's own broker
 * @param groupId   message group (the declaration id): keeps one declaration's messages in order
 * @param body      the envelope as JSON
 */
public record OutboxRow(Long id, String messageId, String queueName, String groupId, SealedText body,
                        Instant createdAt) {
}
