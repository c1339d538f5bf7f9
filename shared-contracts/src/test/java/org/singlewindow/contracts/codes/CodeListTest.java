package org.singlewindow.contracts.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeListTest {

    @Test
    void country_list_should_hold_every_iso_3166_alpha_3_code() {
        assertThat(CodeList.COUNTRIES.size()).isEqualTo(249);
        assertThat(CodeList.COUNTRIES.contains("CHN")).isTrue();
        assertThat(CodeList.COUNTRIES.contains("USA")).isTrue();
        assertThat(CodeList.COUNTRIES.contains("XXX")).isFalse();
        assertThat(CodeList.COUNTRIES.contains("chn")).isFalse();
    }

    @Test
    void currency_list_should_hold_iso_4217_codes() {
        assertThat(CodeList.CURRENCIES.contains("CNY")).isTrue();
        assertThat(CodeList.CURRENCIES.contains("USD")).isTrue();
        assertThat(CodeList.CURRENCIES.contains("ABC")).isFalse();
    }
}
