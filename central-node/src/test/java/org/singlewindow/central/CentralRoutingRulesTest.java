package org.singlewindow.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.routing.FieldProjection;
import org.singlewindow.routing.Route;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.JsonNode;

/** Central's shipped rule file: customs always, MOFCOM for licensed goods and never the prices. */
class CentralRoutingRulesTest {

    private final RoutingService routing = new RoutingService(new Binder(new MapConfigurationPropertySource(Map.of(
            "sw.role", "CENTRAL", "sw.rules", "classpath:rules/central-routing-rules.yaml",
            "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc", "sw.agencies.MOFCOM.url", "http://127.0.0.1:1/mofcom")))
            .bindOrCreate("sw", NodeProperties.class), new DefaultResourceLoader());

    private static final JsonNode LICENSED = Json.MAPPER.readTree("""
            {"documentType": "GOODS_DECLARATION", "clientReference": "R", "declarant": {"uscc": "U"},
             "data": {"direction": "IMPORT", "currency": "USD", "remarks": "x", "billOfLading": "B",
               "consigneeConsignor": {"uscc": "U", "name": "N"}, "overseasParty": {"name": "O", "country": "USA"},
               "items": [{"seq": 1, "hsCode": "8471300000", "name": "n", "quantity": 1, "unit": "001",
                 "unitPrice": 2, "totalPrice": 2, "originCountry": "USA",
                 "licences": [{"type": "AUTO_IMPORT", "number": "L"}]}]}}
            """);

    @Test
    void a_licensed_declaration_should_go_to_customs_in_full_and_to_mofcom_without_prices() {
        List<Route> routes = routing.routes(DocumentType.GOODS_DECLARATION, LICENSED);
        assertThat(routes).extracting(r -> r.destination().toString()).containsExactly("agency:GACC", "agency:MOFCOM");
        assertThat(FieldProjection.project(LICENSED, routes.get(0).grant())).isEqualTo(LICENSED);
        String toMofcom = FieldProjection.project(LICENSED, routes.get(1).grant()).toString();
        assertThat(toMofcom).contains("8471300000", "AUTO_IMPORT", "consigneeConsignor")
                .doesNotContain("unitPrice", "totalPrice", "currency", "remarks", "billOfLading", "overseasParty");
    }

    @Test
    void a_declaration_without_licences_should_go_to_customs_only() {
        JsonNode plain = Json.MAPPER.readTree(LICENSED.toString().replace(
                ",\"licences\":[{\"type\":\"AUTO_IMPORT\",\"number\":\"L\"}]", ""));
        assertThat(routing.routes(DocumentType.GOODS_DECLARATION, plain))
                .extracting(r -> r.destination().toString()).containsExactly("agency:GACC");
    }
}
