package org.singlewindow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RuleSetLoaderTest {

    private static RuleSet load(String yaml) {
        return RuleSetLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
    }

    @Test
    void a_valid_file_should_load_in_order() {
        RuleSet rules = load(RuleMatcherTest.CENTRAL_RULES);
        assertThat(rules.rules()).extracting(RoutingRule::id)
                .containsExactly("goods-to-customs", "licensed-goods-to-mofcom", "duplicate-customs-rule-never-widens");
        assertThat(rules.rules().get(1).condition()).isEqualTo(new Condition.Present("data.items[].licences[]"));
    }

    @Test
    void every_problem_of_a_broken_file_should_be_named_with_its_rule() {
        assertThatThrownBy(() -> load("""
                rules:
                  - id: a
                    documentTypes: [GOODS_DECLARATION, PASSPORT]
                    to: agency:gacc
                    grant: ['*']
                  - id: a
                    documentTypes: [GOODS_DECLARATION]
                    when: {sometimes: x}
                    to: central
                    grant: ['*']
                  - id: c
                    documentTypes: [GOODS_DECLARATION]
                    to: "peer:{province}"
                    grant: [data..x]
                  - id: d
                    documentTypes: [GOODS_DECLARATION]
                    to: central
                    grnat: ['*']
                """))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rules.yaml")
                .hasMessageContaining("rules[0] (a): unknown document type 'PASSPORT'")
                .hasMessageContaining("rules[0] (a): 'to': agency code must be upper-case")
                .hasMessageContaining("rules[1] (a): unknown condition 'sometimes'")
                .hasMessageContaining("rules[2] (c): '{province}' needs an otherProvince condition")
                .hasMessageContaining("rules[2] (c): grant: bad path segment")
                .hasMessageContaining("rules[3]: unknown key 'grnat'")
                .hasMessageContaining("rules[3] (d): 'grant' must list the fields");
    }

    @Test
    void follow_ups_should_wait_for_a_final_status_of_a_known_agency_and_only_lead_to_agencies() {
        RuleSet ok = load("""
                rules:
                  - {id: pay, documentTypes: [TAX_PAYMENT], to: agency:BANK}
                  - {id: tell, documentTypes: [TAX_PAYMENT], to: agency:GACC, after: {agency: BANK, status: VERIFIED}}
                """);
        assertThat(ok.rules().get(0).grant()).isEmpty();
        assertThat(ok.rules().get(1).after()).isEqualTo(new RoutingRule.After("BANK", "VERIFIED"));
        assertThatThrownBy(() -> load("""
                rules:
                  - {id: a, documentTypes: [TAX_PAYMENT], to: agency:GACC, after: {agency: BANK, status: ACCEPTED}}
                  - {id: b, documentTypes: [TAX_PAYMENT], to: agency:GACC, after: {agency: BANKS, status: VERIFIED}}
                  - {id: c, documentTypes: [TAX_PAYMENT], to: central, grant: ['*'], after: {agency: BANK, status: VERIFIED}}
                """))
                .hasMessageContaining("rules[0] (a): after.status must be a final status, not ACCEPTED")
                .hasMessageContaining("rules[1] (b): after: unknown agency or status")
                .hasMessageContaining("rules[2] (c): 'after' must be {agency: <CODE>, status: <final status>} on a rule to an agency");
    }

    @Test
    void duplicate_ids_and_bad_yaml_should_be_refused() {
        assertThatThrownBy(() -> load("""
                rules:
                  - {id: a, documentTypes: [GOODS_DECLARATION], to: central, grant: ['*']}
                  - {id: a, documentTypes: [GOODS_DECLARATION], to: central, grant: ['*']}
                """)).hasMessageContaining("rules[1] (a): duplicate id");
        assertThatThrownBy(() -> load("rules: [ {id: a")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> load("other: 1")).hasMessageContaining("expected a non-empty list 'rules'");
        assertThatThrownBy(() -> RuleSetLoader.load(null, "missing.yaml")).hasMessage("missing.yaml: rule file not found");
    }
}
