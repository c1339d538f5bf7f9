package org.singlewindow.node.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.status.AgencyRow;

/** The access matrix: each kind of caller against a declaration of Shanghai's, read at central and at Shanghai. */
class ReadAccessTest {

    private static final String ACME = "91310115MA1H7G0X0M";
    private static final String BROKER = "91310115MA1K3BRK0B";
    private static final DeclarationRow ROW = new DeclarationRow("d-1", "GOODS_DECLARATION", ACME, "R-1",
            "h".repeat(64), "310000", "PROCESSING", null, Instant.EPOCH, Instant.EPOCH, BROKER, "g-1");

    private static AgencyRow agency(String code, String status) {
        return new AgencyRow("d-1", code, "rule", status, 0, Instant.EPOCH, null, null, null);
    }

    private static final List<AgencyRow> AGENCIES = List.of(agency("GACC", "ACCEPTED"), agency("MOFCOM", "PENDING"),
            agency("STA", "SKIPPED"));

    private static String at(String node, Caller caller) {
        ReadAccess.Decision decision = ReadAccess.decide(caller, ROW, AGENCIES, node);
        return decision.allowed() ? decision.as().name() : decision.refusal();
    }

    private static Caller caller(String role, String uscc, String agency, String province) {
        return new Caller("c", Set.of(role), uscc, agency, province);
    }

    @Test
    void the_declarant_and_its_broker_should_read_it_as_parties_anywhere() {
        assertThat(at("310000", caller(Caller.DECLARANT, ACME, null, null))).isEqualTo("PARTY");
        assertThat(at("central", caller(Caller.BROKER, BROKER, null, null))).isEqualTo("PARTY");
        assertThat(at("310000", caller(Caller.DECLARANT, "91440300MA5F00000X", null, null)))
                .isEqualTo("NOT_YOUR_DOCUMENT");
        assertThat(at("310000", caller(Caller.AGENCY, ACME, null, null))).as("a party needs a party's role")
                .isEqualTo("ROLE_REQUIRED");
    }

    @Test
    void operators_should_read_at_the_nodes_they_operate_only() {
        assertThat(at("310000", caller(Caller.NODE_OPERATOR, null, null, "310000"))).isEqualTo("OPERATOR");
        assertThat(at("440000", caller(Caller.NODE_OPERATOR, null, null, "310000"))).isEqualTo("NOT_YOUR_NODE");
        assertThat(at("440000", caller(Caller.CENTRAL_OPERATOR, null, null, null))).isEqualTo("OPERATOR");
    }

    @Test
    void an_officer_should_read_only_what_was_actually_sent_to_its_agency() {
        assertThat(at("central", caller(Caller.AGENCY_OFFICER, null, "GACC", null))).isEqualTo("OFFICER");
        assertThat(at("central", caller(Caller.AGENCY_OFFICER, null, "MOFCOM", null))).as("routed, not yet sent")
                .isEqualTo("NOT_YOUR_AGENCY");
        assertThat(at("central", caller(Caller.AGENCY_OFFICER, null, "STA", null))).as("skipped")
                .isEqualTo("NOT_YOUR_AGENCY");
        assertThat(at("central", caller(Caller.AGENCY_OFFICER, null, "MSA", null))).isEqualTo("NOT_YOUR_AGENCY");
    }
}
