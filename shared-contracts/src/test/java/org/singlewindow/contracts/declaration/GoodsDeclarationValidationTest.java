package org.singlewindow.contracts.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentValidator;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class GoodsDeclarationValidationTest {

    private static final String VALID = """
            {"documentType": "GOODS_DECLARATION", "clientReference": "ACME-2026-000123",
             "declarant": {"uscc": "91310115MA1H7G0X0M"},
             "data": {"direction": "IMPORT", "declarationCustoms": "2201", "portCustoms": "2201", "tradeMode": "0110",
               "transportMode": "2", "billOfLading": "COSU6263821470",
               "consigneeConsignor": {"uscc": "91310115MA1H7G0X0M", "name": "上海某某进出口有限公司"},
               "overseasParty": {"name": "ACME Corp", "country": "USA"}, "tradeCountry": "USA", "currency": "USD",
               "remarks": "",
               "items": [{"seq": 1, "hsCode": "8471300000", "name": "便携式计算机", "quantity": 10, "unit": "001",
                 "unitPrice": 1200.00, "totalPrice": 12000.00, "originCountry": "USA",
                 "licences": [{"type": "AUTO_IMPORT", "number": "26-AA-000001"}]},
                 {"seq": 2, "hsCode": "8471300000", "name": "平板电脑", "quantity": 3, "unit": "001",
                 "unitPrice": 33.333, "totalPrice": 100.00, "originCountry": "VNM"}]}}
            """;

    private final DocumentValidator validator = Directory.standard().validator();

    @Test
    void the_contract_example_should_be_valid_and_bind_to_the_records() {
        assertThat(validator.validate(Json.MAPPER.readTree(VALID))).isEmpty();
        GoodsDeclaration bound = Json.MAPPER.readValue(VALID, GoodsDeclaration.class);
        assertThat(bound.data().items()).hasSize(2);
        assertThat(bound.data().items().get(0).licences().get(0).type())
                .isEqualTo(GoodsDeclaration.LicenceType.AUTO_IMPORT);
    }

    @Test
    void a_number_a_double_cannot_carry_exactly_should_be_refused_because_it_would_be_signed_as_another_value() {
        List<String> found = violations(d -> {
            ObjectNode item = (ObjectNode) d.get("data").get("items").get(1);
            item.put("quantity", new java.math.BigDecimal("12345678901234.12345"));
        });
        assertThat(found).contains("$.data.items[1].quantity NUMBER_NOT_EXACT");
    }

    @Test
    void every_problem_should_be_reported_at_once() {
        List<String> found = violations(d -> {
            ObjectNode data = (ObjectNode) d.get("data");
            data.put("currency", "XYZ");
            data.remove("tradeMode");
            data.put("transportMode", 2);
            ObjectNode item = (ObjectNode) data.get("items").get(0);
            item.put("seq", 3);
            item.put("unit", "1");
            item.put("quantity", -1);
            ((ObjectNode) d.get("declarant")).put("uscc", "91310115MA1H7G0X0A");
            d.put("extra", true);
        });
        assertThat(found).containsExactlyInAnyOrder(
                "$.data.currency CODE_UNKNOWN", "$.data.tradeMode REQUIRED", "$.data.transportMode TYPE",
                "$.data.items[0].seq SEQUENCE", "$.data.items[0].unit FORMAT", "$.data.items[0].quantity RANGE",
                "$.declarant.uscc CHECK_CHARACTER", "$.extra UNKNOWN_FIELD");
    }

    @Test
    void totals_should_equal_quantity_times_unit_price_to_the_cent() {
        assertThat(violations(d -> item(d, 1).put("totalPrice", 99.99)))
                .containsExactly("$.data.items[1].totalPrice TOTAL_MISMATCH");
        assertThat(violations(d -> item(d, 0).put("totalPrice", 12000.001)))
                .containsExactly("$.data.items[0].totalPrice PRECISION");
    }

    @Test
    void a_declaration_without_items_should_be_refused() {
        assertThat(violations(d -> ((ObjectNode) d.get("data")).putArray("items")))
                .containsExactly("$.data.items MIN_ITEMS");
        assertThat(violations(d -> ((ObjectNode) d.get("data")).remove("items"))).containsExactly("$.data.items REQUIRED");
    }

    @Test
    void unknown_licence_types_and_countries_should_be_named() {
        assertThat(violations(d -> {
            ((ObjectNode) ((ArrayNode) item(d, 0).get("licences")).get(0)).put("type", "PERMIT");
            item(d, 1).put("originCountry", "VN");
            ((ObjectNode) d.get("data").get("overseasParty")).put("country", "UXS");
        })).containsExactlyInAnyOrder("$.data.items[0].licences[0].type CODE_UNKNOWN",
                "$.data.items[1].originCountry FORMAT", "$.data.overseasParty.country CODE_UNKNOWN");
    }

    @Test
    void every_violation_should_explain_itself_in_chinese_and_english() {
        List<Violation> all = validator.validate(Json.MAPPER.readTree("{\"data\": {\"items\": [{}]}}"));
        assertThat(all).isNotEmpty().allSatisfy(v -> {
            assertThat(v.messageZh()).isNotBlank();
            assertThat(v.messageEn()).isNotBlank();
            assertThat(v.path()).startsWith("$");
        });
    }

    @Test
    void a_body_that_is_not_an_object_should_be_refused() {
        assertThat(validator.validate(Json.MAPPER.readTree("[1,2]"))).extracting(Violation::code).containsExactly("TYPE");
    }

    private List<String> violations(Consumer<ObjectNode> change) {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(VALID);
        change.accept(d);
        return validator.validate(d).stream().map(v -> v.path() + " " + v.code()).toList();
    }

    private static ObjectNode item(ObjectNode d, int index) {
        return (ObjectNode) d.get("data").get("items").get(index);
    }
}
