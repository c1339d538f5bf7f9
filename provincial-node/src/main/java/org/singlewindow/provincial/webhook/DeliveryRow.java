package org.singlewindow.provincial.webhook;

import java.time.Instant;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * One event for one endpoint, and how its delivery went.
 *
 * @param eventId the event's id, the same for every endpoint and every attempt (a receiver drops repeats by it)
 * @param state   {@code PENDING}, {@code DELIVERED} or {@code FAILED} (given up)
 */
public record DeliveryRow(Long id, String subscriptionId, String eventId, String declarationId, String eventType,
                          String payload, String state, int attempts, Instant nextAttemptAt, Integer lastStatus,
                          String lastError, Instant createdAt, Instant deliveredAt) {

    @AutomapConstructor
    public DeliveryRow {
    }
}
