package org.singlewindow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

class RuleMatcherTest {

    static final String CENTRAL_RULES = """
            rules:
              - id: goods-to-customs
                documentTypes: [GOODS_DECLARATION]
                to: agency:GACC
                grant: ['*']
              - id: licensed-goods-to-mofcom
                documentTypes: [GOODS_DECLARATION]
                when: {present: "data.items[].licences[]"}
                to: agency:MOFCOM
                grant: ['data.items[].hsCode', 'data.items[].licences']
              - id: duplicate-customs-rule-never-widens
                documentTypes: [GOODS_DECLARATION]
                to: agency:GACC
                grant: [clientReference]
            """;
    static final String PROVINCIAL_RULES = """
            rules:
              - id: up
                documentTypes: [GOODS_DECLARATION]
                to: central
                grant: ['*']
              - id: port-copy
                documentTypes: [GOODS_DECLARATION]
                when: {otherProvince: data.portCustoms}
                to: "peer:{province}"
                grant: [data.portCustoms]
            """;

    private static JsonNode document(String portCustoms, boolean licence) {
        return Json.MAPPER.readTree("""
                {"data": {"portCustoms": "%s", "items": [
                  {"hsCode": "8471300000", "unitPrice": 1, "licences": %s}]}}
                """.formatted(portCustoms, licence ? "[{\"type\": \"AUTO_IMPORT\", \"number\": \"1\"}]" : "[]"));
    }

    static RuleMatcher matcher(String rules) {
        return new RuleMatcher(RuleSetLoader.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)),
                "test"), CustomsDistricts.bundled());
    }

    @Test
    void customs_should_always_get_a_goods_declaration_and_mofcom_only_with_a_licence() {
        RuleMatcher central = matcher(CENTRAL_RULES);
        assertThat(central.match(DocumentType.GOODS_DECLARATION, document("2201", true), "central"))
                .extracting(r -> r.destination().toString()).containsExactly("agency:GACC", "agency:MOFCOM");
        assertThat(central.match(DocumentType.GOODS_DECLARATION, document("2201", false), "central"))
                .extracting(r -> r.destination().toString()).containsExactly("agency:GACC");
    }

    @Test
    void the_first_rule_for_a_destination_should_decide_its_grant() {
        List<RuleMatch> routes = matcher(CENTRAL_RULES).match(DocumentType.GOODS_DECLARATION, document("2201", false),
                "central");
        assertThat(routes.get(0).ruleId()).isEqualTo("goods-to-customs");
        assertThat(routes.get(0).grant()).containsExactly("*");
    }

    @Test
    void a_port_in_another_province_should_send_that_province_a_copy() {
        RuleMatcher shanghai = matcher(PROVINCIAL_RULES);
        assertThat(shanghai.match(DocumentType.GOODS_DECLARATION, document("5301", false), "310000"))
                .extracting(r -> r.destination().toString()).containsExactly("central", "peer:440000");
        assertThat(shanghai.match(DocumentType.GOODS_DECLARATION, document("2201", false), "310000"))
                .extracting(r -> r.destination().toString()).containsExactly("central");
        assertThat(shanghai.match(DocumentType.GOODS_DECLARATION, document("9999", false), "310000"))
                .extracting(r -> r.destination().toString()).containsExactly("central");
    }
}
