package org.singlewindow.contracts.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91310115MA1H7G0X0M", "91440300MA5F2B3K1X", "91310000132200821H", "91320000MA1MXY7Q4M"})
    void codes_with_the_right_check_character_should_be_valid(String code) {
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Check.VALID);
    }

    @ParameterizedTest
    @CsvSource({
            "91310115MA1H7G0X0A, BAD_CHECK_CHARACTER",
            "91310115MA1H7G0X0, BAD_LENGTH",
            "91310115MA1H7G0X0MM, BAD_LENGTH",
            "91310115MA1H7GOX0M, BAD_CHARACTER",
            "91310115ma1h7g0x0m, BAD_CHARACTER"})
    void malformed_codes_should_say_what_is_wrong(String code, Uscc.Check expected) {
        assertThat(Uscc.check(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"91310115MA1H7G0X0, M", "91440300MA5F2B3K1, X", "91310000132200821, H"})
    void check_character_should_follow_gb_32100(String first17, char check) {
        assertThat(Uscc.checkCharacter(first17)).isEqualTo(check);
    }
}
