package org.singlewindow.central;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.routing.RuleSetException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Central refuses to start on rules it cannot follow, and says why. */
class RuleFileChecksTest {

    private static RoutingService routing(Map<String, String> values) {
        Binder settings = new Binder(new MapConfigurationPropertySource(values));
        return new RoutingService(settings.bindOrCreate("sw", NodeProperties.class), new DefaultResourceLoader(),
                new CentralRole(settings.bindOrCreate("sw", CentralProperties.class)));
    }

    @Test
    void a_broken_rule_file_should_stop_the_node_naming_file_rule_and_problem() {
        assertThatThrownBy(() -> routing(Map.of("sw.rules", "classpath:rules/broken.yaml",
                "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc")))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("classpath:rules/broken.yaml: rules[0] (to-customs): when.present: bad path segment '' "
                        + "in 'data..items'");
    }

    @Test
    void a_missing_rule_file_should_stop_the_node() {
        assertThatThrownBy(() -> routing(Map.of("sw.rules", "classpath:rules/none.yaml")))
                .hasMessage("classpath:rules/none.yaml: rule file not found");
    }

    @Test
    void a_rule_naming_an_agency_without_a_link_should_stop_the_node() {
        assertThatThrownBy(() -> routing(Map.of("sw.rules", "classpath:rules/customs.yaml")))
                .hasMessageContaining("rule to-customs sends to 'agency:GACC', which a CENTRAL node cannot reach "
                        + "(no sw.agencies.GACC link configured)");
    }

    @Test
    void the_roles_shipped_rules_should_load_and_route() {
        RoutingService central = routing(Map.of("sw.rules", "classpath:rules/customs.yaml",
                "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc"));
        assertThat(central.matches(DocumentType.GOODS_DECLARATION, Json.MAPPER.readTree("{}")))
                .extracting(r -> r.destination().toString()).containsExactly("agency:GACC");
    }

    @Test
    void a_rule_giving_an_agency_more_than_its_data_subset_should_stop_the_node() {
        assertThatThrownBy(() -> routing(Map.of("sw.rules", "classpath:rules/oversharing.yaml",
                "sw.agencies.MOFCOM.url", "http://127.0.0.1:1/mofcom", "sw.agencies.STA.url", "http://127.0.0.1:1/sta")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rule prices-to-mofcom: grants data.items[].unitPrice of GOODS_DECLARATION to "
                        + "MOFCOM, outside its data subset")
                .hasMessageContaining("rule manifests-to-tax: STA is not entitled to MANIFEST documents");
    }

    @Test
    void an_agency_route_without_a_grant_should_carry_exactly_the_agencys_subset() {
        RoutingService central = routing(Map.of("sw.rules", "classpath:rules/customs.yaml",
                "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc"));
        assertThat(central.matches(DocumentType.GOODS_DECLARATION, Json.MAPPER.readTree("{}")).get(0).grant())
                .isEqualTo(org.singlewindow.contracts.directory.Directory.standard()
                        .subset(org.singlewindow.contracts.document.AgencyCode.GACC, DocumentType.GOODS_DECLARATION));
    }
}
