package org.singlewindow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

class FieldProjectionTest {

    private final JsonNode document = Json.MAPPER.readTree("""
            {"clientReference": "R1", "declarant": {"uscc": "U", "name": "N"},
             "data": {"currency": "USD", "items": [
               {"seq": 1, "hsCode": "1", "unitPrice": 5, "licences": [{"type": "AUTO_IMPORT", "number": "L1"}]},
               {"seq": 2, "hsCode": "2", "unitPrice": 6}]}}
            """);

    @Test
    void a_grant_should_keep_only_the_named_fields_and_the_structure_leading_to_them() {
        JsonNode projected = FieldProjection.project(document, List.of("declarant.uscc", "data.items[].hsCode",
                "data.items[].licences"));
        assertThat(Json.MAPPER.writeValueAsString(projected)).isEqualTo(
                "{\"declarant\":{\"uscc\":\"U\"},\"data\":{\"items\":[{\"hsCode\":\"1\",\"licences\":[{\"type\":"
                        + "\"AUTO_IMPORT\",\"number\":\"L1\"}]},{\"hsCode\":\"2\"}]}}");
    }

    @Test
    void star_should_keep_everything() {
        assertThat(FieldProjection.project(document, List.of("*"))).isEqualTo(document);
    }

    @Test
    void a_grant_for_a_missing_field_should_add_nothing() {
        assertThat(FieldProjection.project(document, List.of("data.transportMode")).toString())
                .isEqualTo("{\"data\":{}}");
    }
}
