package org.singlewindow.node.status;

import java.time.Instant;

/** An event as declarants see it (timeline entry and SSE data). */
public record EventView(long id, String kind, String node, String agency, String status, String code,
                        String detail, Instant occurredAt) {

    public static EventView of(EventRow row) {
        return new EventView(row.id(), row.kind(), row.node(), row.agency(), row.status(), row.code(), row.detail(),
                row.occurredAt());
    }
}
