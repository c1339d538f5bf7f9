package org.singlewindow.node.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.RuleMatch;
import org.singlewindow.routing.RoutingRule;

/** A routing decision survives being kept with the agency's row, and gives back the route it stood for. */
class RoutingDecisionTest {

    @Test
    void a_follow_up_decision_kept_with_a_row_should_give_back_the_same_route() {
        RuleMatch route = new RuleMatch("tax-after-bank", Destination.agency("STA"), List.of("clientReference", "data.amount"),
                new RoutingRule.After("BANK", "VERIFIED"));
        RoutingDecision decision = RoutingDecision.of(route);
        AgencyRow row = AgencyRow.pending("d-1", "STA", decision, "PENDING", 0, Instant.EPOCH);
        assertThat(row.granted()).isEqualTo("[\"clientReference\",\"data.amount\"]");
        assertThat(row.decision()).isEqualTo(decision);
        assertThat(row.decision().followUp()).isTrue();
        assertThat(row.decision().route("STA")).isEqualTo(route);
    }

    @Test
    void a_decision_known_by_name_only_should_keep_no_grant() {
        AgencyRow row = AgencyRow.pending("d-1", "GACC", RoutingDecision.named("customs"), "PENDING", 0,
                Instant.EPOCH);
        assertThat(row.granted()).isNull();
        assertThat(row.decision()).isEqualTo(new RoutingDecision("customs", null, null, null));
        assertThat(row.decision().followUp()).isFalse();
    }
}
