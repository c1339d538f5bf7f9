package org.singlewindow.provincial;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.routing.FieldProjection;
import org.singlewindow.routing.RuleMatch;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provinces' shipped rule file: everything to central; a logistics copy to the port's province. */
class ProvincialRoutingRulesTest {

    private static RoutingService at(String province) {
        return at(province, "classpath:rules/provincial-routing-rules.yaml");
    }

    private static RoutingService at(String province, String rules) {
        return new RoutingService(new Binder(new MapConfigurationPropertySource(Map.of("sw.code", province,
                "sw.rules", rules))).bindOrCreate("sw", NodeProperties.class), new DefaultResourceLoader(),
                new ProvincialRole(new ProvincialProperties(null, null, null)));
    }

    private static JsonNode declaration(String portCustoms) {
        return Json.MAPPER.readTree("""
                {"clientReference": "R", "declarant": {"uscc": "U"},
                 "data": {"portCustoms": "%s", "billOfLading": "B", "currency": "USD",
                   "items": [{"seq": 1, "hsCode": "8471300000", "unitPrice": 2}]}}
                """.formatted(portCustoms));
    }

    @Test
    void a_shanghai_declaration_through_a_guangdong_port_should_copy_logistics_fields_to_guangdong() {
        List<RuleMatch> routes = at("310000").matches(DocumentType.GOODS_DECLARATION, declaration("5301"));
        assertThat(routes).extracting(r -> r.destination().toString()).containsExactly("central", "peer:440000");
        String copy = FieldProjection.project(declaration("5301"), routes.get(1).grant()).toString();
        assertThat(copy).contains("\"billOfLading\":\"B\"", "8471300000").doesNotContain("unitPrice", "declarant",
                "currency");
    }

    @Test
    void a_declaration_through_qingdao_should_copy_logistics_fields_to_shandong() {
        assertThat(at("310000").matches(DocumentType.GOODS_DECLARATION, declaration("4218")))
                .extracting(r -> r.destination().toString()).containsExactly("central", "peer:370000");
    }

    @Test
    void a_declaration_through_a_local_port_should_only_go_to_central() {
        assertThat(at("440000").matches(DocumentType.GOODS_DECLARATION, declaration("5301")))
                .extracting(r -> r.destination().toString()).containsExactly("central");
        assertThat(at("310000").matches(DocumentType.GOODS_DECLARATION, declaration("2201")))
                .extracting(r -> r.destination().toString()).containsExactly("central");
    }

    @Test
    void a_rule_sending_to_a_ministry_should_stop_a_province_naming_the_rule() {
        assertThatThrownBy(() -> at("310000", "classpath:rules/to-customs.yaml"))
                .hasMessageContaining("rule to-customs sends to 'agency:GACC', which a PROVINCIAL node cannot reach");
    }
}
