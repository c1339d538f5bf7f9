package org.singlewindow.central;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.AgencyCode;
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

/**
 * Central's shipped rule file: customs always, MOFCOM for licensed goods and never the prices; every sample of
 * every document type to exactly its agencies, each with its directory subset.
 */
class CentralRoutingRulesTest {

    private static final Binder SETTINGS = new Binder(new MapConfigurationPropertySource(config()));

    private final RoutingService routing = new RoutingService(SETTINGS.bindOrCreate("sw", NodeProperties.class),
            new DefaultResourceLoader(), new CentralRole(SETTINGS.bindOrCreate("sw", CentralProperties.class)));

    private static Map<String, String> config() {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "sw.rules", "classpath:rules/central-routing-rules.yaml"));
        for (AgencyCode agency : AgencyCode.values()) {
            config.put("sw.agencies." + agency + ".url", "http://127.0.0.1:1/" + agency);
        }
        return config;
    }

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
        List<RuleMatch> routes = routing.matches(DocumentType.GOODS_DECLARATION, LICENSED);
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
        assertThat(routing.matches(DocumentType.GOODS_DECLARATION, plain))
                .extracting(r -> r.destination().toString()).containsExactly("agency:GACC");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "goods-declaration, GACC MOFCOM", "goods-declaration-export, GACC SAFE", "manifest, GACC MSA NIA",
            "transport-means, MSA NIA GACC", "transport-means-aircraft, NIA GACC", "licence-application, MOFCOM",
            "origin-certificate, GACC", "origin-certificate-ccpit, CCPIT", "enterprise-qualification, GACC",
            "tax-rebate, STA", "tax-payment, BANK GACC"})
    void every_sample_should_go_to_exactly_its_agencies(String sample, String agencies) throws java.io.IOException {
        JsonNode document = Json.MAPPER.readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "deploy", "local", "samples", sample + ".json")));
        DocumentType type = DocumentType.valueOf(document.get("documentType").asString());
        List<RuleMatch> routes = routing.matches(type, document);
        assertThat(routes).extracting(r -> r.destination().code()).containsExactly(agencies.split(" "));
        assertThat(routes).allSatisfy(r -> assertThat(r.grant()).isNotEmpty()
                .isEqualTo(org.singlewindow.contracts.directory.Directory.standard()
                        .subset(AgencyCode.valueOf(r.destination().code()), type)));
    }
}
