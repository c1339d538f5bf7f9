package org.singlewindow.central.agency;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.status.AgencyRow;
import org.singlewindow.node.status.RoutingDecision;

/**
 * Which follow-ups new receipts make due, pure: only the routing decisions kept with the declaration's agency rows
 * count (never the rules as they are today). A follow-up waiting for agency A to report status S is due when a new
 * final receipt of A arrives: to be sent when it reports S (carrying that receipt), to be skipped when A ended
 * otherwise. Non-final receipts and other agencies' receipts make nothing due.
 */
final class FollowUps {

    /** One follow-up made due: its agency, how it was decided, the receipt it waited for, and whether it goes. */
    record Due(String agency, RoutingDecision decision, AgencyReceipt awaited, boolean send) {
    }

    private FollowUps() {
    }

    static List<Due> due(List<AgencyRow> agencies, List<AgencyReceipt> fresh) {
        List<Due> due = new ArrayList<>();
        for (AgencyRow waiting : agencies) {
            RoutingDecision decision = waiting.decision();
            if (!decision.followUp()) {
                continue;
            }
            for (AgencyReceipt awaited : fresh) {
                if (awaited.status().isFinal() && awaited.agency().equals(decision.afterAgency())) {
                    due.add(new Due(waiting.agency(), decision, awaited,
                            awaited.status().name().equals(decision.afterStatus())));
                }
            }
        }
        return due;
    }
}
