package org.singlewindow.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 (JCS), checked against the RFC's own examples and ECMAScript's number serialization. */
class CanonicalJsonTest {

    @Test
    void key_order_whitespace_and_number_spelling_should_not_change_the_hash() {
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

    /** RFC 8785, section 3.2.2 (the "numbers", "string" and "literals" sample), output byte for byte. */
    @Test
    void the_rfc_sample_should_canonicalize_as_the_rfc_says() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(input))).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785, section 3.2.3: members sorted by UTF-16 code units. */
    @Test
    void members_should_sort_by_utf16_code_units() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(input))).isEqualTo(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
                        + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** ECMAScript Number::toString, including RFC 8785 appendix B values. */
    @ParameterizedTest
    @CsvSource({
            "0, 0", "-0, 0", "1200.00, 1200", "0.1, 0.1", "-1.5, -1.5", "100000000000000000000, 100000000000000000000",
            "1e21, 1e+21", "0.000001, 0.000001", "1e-7, 1e-7", "123e-20, 1.23e-18", "9007199254740992, 9007199254740992",
            "4.9406564584124654e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
            "295147905179352830000, 295147905179352830000", "9.999999999999997e+22, 9.999999999999997e+22",
            // 2^89 and 2^-1074·2^50: at powers of two the shortest round-tripping decimal lies on the far side
            "618970019642690137449562112, 6.189700196426902e+26", "1.1258999068426240e15, 1125899906842624"})
    void numbers_should_serialize_as_ecmascript_does(String input, String expected) {
        assertThat(CanonicalJson.number(new BigDecimal(input))).isEqualTo(expected);
    }

    @Test
    void a_lone_surrogate_should_have_no_canonical_form() {
        assertThat(CanonicalJson.isWellFormed("a\ud83d\ude00")).isTrue();
        assertThat(CanonicalJson.isWellFormed("a\ud800")).isFalse();
        assertThat(CanonicalJson.isWellFormed("\ude00a")).isFalse();
        assertThatThrownBy(() -> CanonicalJson.canonicalize(Json.MAPPER.readTree("{\"s\":\"a\\ud800\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbers_a_double_cannot_carry_exactly_should_be_flagged_and_huge_ones_refused() {
        assertThat(CanonicalJson.isExact(new BigDecimal("12000.00"))).isTrue();
        assertThat(CanonicalJson.isExact(new BigDecimal("0.1"))).isTrue();
        assertThat(CanonicalJson.isExact(new BigDecimal("99999999999999.99999"))).isFalse();
        assertThat(CanonicalJson.isExact(new BigDecimal("333333333.33333329"))).isFalse();
        assertThat(CanonicalJson.isExact(new BigDecimal("1E+999999"))).isFalse();
        assertThatThrownBy(() -> CanonicalJson.canonicalize(Json.MAPPER.readTree("{\"q\": 1E+999999}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
