package org.singlewindow.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCharacterTest {

    @ParameterizedTest
    @CsvSource({
            // ISO 6346 example from the standard's annex, and its neighbours
            "ISO6346, CSQU3054383, true", "ISO6346, CSQU3054384, false", "ISO6346, MSKU1002003, true",
            "ISO6346, csqu3054383, false", "ISO6346, CSQX3054383, false",
            // IMO 9074729 (a published example of the scheme)
            "IMO, 9074729, true", "IMO, IMO9074729, true", "IMO, 9074728, false", "IMO, 907472, false",
            "USCC, 91310115MA1H7G0X0M, true", "USCC, 91310115MA1H7G0X0A, false"})
    void check_characters_should_be_computed_by_their_scheme(CheckCharacter scheme, String value, boolean valid) {
        assertThat(scheme.valid(value)).isEqualTo(valid);
    }
}
