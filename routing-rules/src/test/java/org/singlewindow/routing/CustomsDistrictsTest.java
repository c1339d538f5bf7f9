package org.singlewindow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.codes.CodeList;

class CustomsDistrictsTest {

    @Test
    void a_district_should_belong_to_the_province_of_its_longest_prefix() {
        CustomsDistricts table = new CustomsDistricts(Map.of("22", "310000", "2299", "320000"));
        assertThat(table.provinceOf("2201")).hasValue("310000");
        assertThat(table.provinceOf("2299")).hasValue("320000");
        assertThat(table.provinceOf("5301")).isEmpty();
        assertThat(table.provinceOf(null)).isEmpty();
    }

    @Test
    void the_bundled_table_should_know_shanghai_and_guangdong() {
        CustomsDistricts bundled = CustomsDistricts.bundled();
        assertThat(bundled.provinceOf("2201")).hasValue("310000");
        assertThat(bundled.provinceOf("5301")).hasValue("440000");
        assertThat(bundled.provinceOf("5100")).hasValue("440000");
    }

    @Test
    void every_district_prefix_the_directory_accepts_should_map_to_a_province() {
        CodeList accepted = CodeList.customsDistricts();
        CustomsDistricts bundled = CustomsDistricts.bundled();
        assertThat(accepted.labels()).isNotEmpty();
        for (String prefix : accepted.labels().keySet()) {
            assertThat(bundled.provinceOf(prefix + "01")).as("district %s01", prefix).isPresent();
        }
        assertThat(bundled.provinceOf("4218")).as("Qingdao, once missing from the routing table").hasValue("370000");
    }

    @Test
    void a_bad_entry_should_be_refused() {
        assertThatThrownBy(() -> new CustomsDistricts(Map.of("2", "310000"))).isInstanceOf(RuleSetException.class);
        assertThatThrownBy(() -> new CustomsDistricts(Map.of("22", "31"))).isInstanceOf(RuleSetException.class);
    }
}
