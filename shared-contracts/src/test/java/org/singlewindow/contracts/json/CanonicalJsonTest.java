package org.singlewindow.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void key_order_whitespace_and_trailing_zeros_should_not_change_the_hash() {
        String a = "{\"b\": 1200.00, \"a\": [1, {\"y\": \"二\", \"x\": 1e1}]}";
        String b = "{\"a\":[1,{\"x\":10,\"y\":\"二\"}],\"b\":1200}";
        assertThat(CanonicalJson.sha256(Json.MAPPER.readTree(a))).isEqualTo(CanonicalJson.sha256(Json.MAPPER.readTree(b)));
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(a))).isEqualTo("{\"a\":[1,{\"x\":10,\"y\":\"二\"}],\"b\":1200}");
    }

    @Test
    void a_changed_value_should_change_the_hash() {
        assertThat(CanonicalJson.sha256(Json.MAPPER.readTree("{\"a\":\"1\"}")))
                .isNotEqualTo(CanonicalJson.sha256(Json.MAPPER.readTree("{\"a\":1}")));
    }

    @Test
    void a_huge_exponent_should_stay_short_instead_of_expanding_into_a_million_digits() {
        String canonical = CanonicalJson.canonicalize(Json.MAPPER.readTree("{\"q\": 1E+999999, \"p\": 1.20E+3}"));
        org.assertj.core.api.Assertions.assertThat(canonical).hasSizeLessThan(40).contains("1200");
    }
}
