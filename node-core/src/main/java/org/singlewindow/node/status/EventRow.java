package org.singlewindow.node.status;

import java.time.Instant;

/**
 * One appended event of a declaration.
 *
 * @param id          ascending; the SSE event id
 * @param kind        {@link EventKind} name
 * @param node        node that recorded it
 * @param agency      agency concerned, if any
 * @param status      status reached (overall for STATUS, per agency for RECEIPT)
 * @param code        agency receipt code, if any
 * @param detail      human-readable detail
 * @param eventKey    unique key of the fact (receipt id, message id + step), null when none
 * @param occurredAt  when it happened at its source
 * @param recordedAt  when this node recorded it
 */
public record EventRow(Long id, String declarationId, String kind, String node, String agency, String status,
                       String code, String detail, String eventKey, Instant occurredAt, Instant recordedAt) {
}
