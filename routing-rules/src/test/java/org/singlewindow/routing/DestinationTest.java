package org.singlewindow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Destinations say what they carry: central, an agency, a peer province's copy, a province's own results. */
class DestinationTest {

    @Test
    void every_kind_should_round_trip_through_its_text() {
        for (String text : new String[] {"central", "agency:GACC", "peer:440000", "province:310000"}) {
            assertThat(Destination.parse(text).toString()).isEqualTo(text);
        }
        assertThat(Destination.parse("province:310000")).isEqualTo(Destination.province("310000"));
        assertThat(Destination.parse("peer:310000")).isNotEqualTo(Destination.province("310000"));
    }

    @Test
    void a_malformed_destination_should_be_refused_with_the_reason() {
        assertThatThrownBy(() -> Destination.parse("province:31")).hasMessage(
                "province needs a 6-digit province code: 'province:31'");
        assertThatThrownBy(() -> Destination.parse("agency:gacc")).hasMessageContaining("upper-case");
        assertThatThrownBy(() -> Destination.parse("ministry:GACC")).hasMessageContaining(
                "central, agency:<CODE>, peer:<provinceCode> or province:<provinceCode>");
        assertThatThrownBy(() -> Destination.parse(null)).hasMessage("destination is missing");
    }
}
