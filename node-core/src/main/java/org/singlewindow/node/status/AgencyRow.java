package org.singlewindow.node.status;

import java.time.Instant;

/**
 * An agency a declaration was routed to, with its current (projected) status and the routing decision that sent
 * it there ({@link #decision()}).
 *
 * @param granted     the fields granted, as a JSON array; null where not known
 * @param afterAgency for a follow-up, the agency whose receipt it waits for; null otherwise
 * @param afterStatus for a follow-up, the status it waits for
 */
public record AgencyRow(String declarationId, String agency, String ruleId, String status, int statusStage,
                        Instant updatedAt, String granted, String afterAgency, String afterStatus) {

    /** A new row: PENDING, routed by {@code decision}. */
    static AgencyRow pending(String declarationId, String agency, RoutingDecision decision, String status, int stage,
                             Instant at) {
        return new AgencyRow(declarationId, agency, decision.ruleId(), status, stage, at, decision.grantJson(),
                decision.afterAgency(), decision.afterStatus());
    }

    /** The routing decision kept with this row. */
    public RoutingDecision decision() {
        return new RoutingDecision(ruleId, RoutingDecision.grantOf(granted), afterAgency, afterStatus);
    }
}
