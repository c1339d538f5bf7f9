package org.singlewindow.node.status;

import java.time.Instant;

/** An agency a declaration was routed to, with its current (projected) status. */
public record AgencyRow(String declarationId, String agency, String ruleId, String status, int statusStage,
                        Instant updatedAt) {
}
