package org.singlewindow.central.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.node.status.AgencyRow;

/** Follow-ups come due from the decisions kept with the agency rows, once the awaited agency is final. */
class FollowUpsTest {

    /** STA's row: a follow-up decided as "after BANK reports VERIFIED", granted two fields. */
    private static final AgencyRow STA = new AgencyRow("d-1", "STA", "tax-after-bank", "PENDING", 0, Instant.EPOCH,
            "[\"clientReference\",\"data.amount\"]", "BANK", "VERIFIED");
    private static final AgencyRow BANK = new AgencyRow("d-1", "BANK", "to-bank", "DELIVERED", 1, Instant.EPOCH,
            "[\"*\"]", null, null);

    private static AgencyReceipt receipt(String agency, AgencyStatus status) {
        return new AgencyReceipt("r-" + status, "d-1", agency, status, null, null, Instant.EPOCH);
    }

    @Test
    void the_awaited_status_should_send_the_follow_up_as_it_was_decided() {
        AgencyReceipt verified = receipt("BANK", AgencyStatus.VERIFIED);
        List<FollowUps.Due> due = FollowUps.due(List.of(BANK, STA), List.of(verified));
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.agency()).isEqualTo("STA");
            assertThat(d.send()).isTrue();
            assertThat(d.awaited()).isEqualTo(verified);
            assertThat(d.decision().route("STA").grant()).containsExactly("clientReference", "data.amount");
        });
    }

    @Test
    void another_final_status_should_skip_it_and_non_final_or_other_receipts_should_do_nothing() {
        assertThat(FollowUps.due(List.of(BANK, STA), List.of(receipt("BANK", AgencyStatus.REJECTED))))
                .singleElement().satisfies(d -> assertThat(d.send()).isFalse());
        assertThat(FollowUps.due(List.of(BANK, STA), List.of(receipt("BANK", AgencyStatus.ACCEPTED)))).isEmpty();
        assertThat(FollowUps.due(List.of(BANK, STA), List.of(receipt("GACC", AgencyStatus.RELEASED)))).isEmpty();
        assertThat(FollowUps.due(List.of(BANK), List.of(receipt("BANK", AgencyStatus.VERIFIED))))
                .as("no follow-up was decided").isEmpty();
    }
}
