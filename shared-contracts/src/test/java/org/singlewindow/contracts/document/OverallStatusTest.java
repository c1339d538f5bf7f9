package org.singlewindow.contracts.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.contracts.document.AgencyStatus.ACCEPTED;
import static org.singlewindow.contracts.document.AgencyStatus.DELIVERED;
import static org.singlewindow.contracts.document.AgencyStatus.PENDING;
import static org.singlewindow.contracts.document.AgencyStatus.REJECTED;
import static org.singlewindow.contracts.document.AgencyStatus.RELEASED;
import static org.singlewindow.contracts.document.AgencyStatus.SKIPPED;
import static org.singlewindow.contracts.document.AgencyStatus.VERIFIED;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The overall status as a projection of the agencies' statuses. */
class OverallStatusTest {

    @Test
    void a_routed_declaration_no_agency_has_moved_on_should_be_forwarded() {
        assertThat(OverallStatus.fromAgencies(List.of())).isEqualTo(OverallStatus.FORWARDED);
        assertThat(OverallStatus.fromAgencies(List.of(PENDING, PENDING))).isEqualTo(OverallStatus.FORWARDED);
    }

    @Test
    void one_agency_moving_should_make_it_processing_until_every_agency_is_final() {
        assertThat(OverallStatus.fromAgencies(List.of(DELIVERED, PENDING))).isEqualTo(OverallStatus.PROCESSING);
        assertThat(OverallStatus.fromAgencies(List.of(RELEASED, ACCEPTED))).isEqualTo(OverallStatus.PROCESSING);
        assertThat(OverallStatus.fromAgencies(List.of(REJECTED, PENDING)))
                .as("a rejection is final only once the others are").isEqualTo(OverallStatus.PROCESSING);
    }

    @Test
    void all_final_should_complete_unless_one_agency_rejected() {
        assertThat(OverallStatus.fromAgencies(List.of(RELEASED, VERIFIED))).isEqualTo(OverallStatus.COMPLETED);
        assertThat(OverallStatus.fromAgencies(List.of(RELEASED, SKIPPED)))
                .as("a follow-up never due does not hold the declaration").isEqualTo(OverallStatus.COMPLETED);
        assertThat(OverallStatus.fromAgencies(List.of(RELEASED, REJECTED))).isEqualTo(OverallStatus.REJECTED);
    }
}
