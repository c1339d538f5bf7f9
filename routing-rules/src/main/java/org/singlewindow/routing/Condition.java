package org.singlewindow.routing;

import java.util.List;
import java.util.Optional;

import org.singlewindow.contracts.json.JsonPaths;
import tools.jackson.databind.JsonNode;

/**
 * When a rule applies. A closed set of condition kinds, each pure: it looks only at the document, the node
 * evaluating it and the customs district table.
 */
public sealed interface Condition {

    /**
     * Evaluates the condition.
     *
     * @return empty when the rule does not apply; otherwise the province code the condition bound (for
     *         {@link OtherProvince}) or an empty string
     */
    Optional<String> test(JsonNode document, String nodeProvince, CustomsDistricts districts);

    /** Always applies. */
    record Always() implements Condition {
        @Override
        public Optional<String> test(JsonNode document, String nodeProvince, CustomsDistricts districts) {
            return Optional.of("");
        }
    }

    /** Applies when the path reaches at least one value that is not empty. */
    record Present(String path) implements Condition {
        @Override
        public Optional<String> test(JsonNode document, String nodeProvince, CustomsDistricts districts) {
            List<JsonNode> values = JsonPaths.select(document, path);
            boolean any = values.stream().anyMatch(v -> !(v.isContainer() && v.isEmpty())
                    && !(v.isString() && v.asString().isEmpty()));
            return any ? Optional.of("") : Optional.empty();
        }
    }

    /** Applies when the path reaches a text value equal to {@code value}. */
    record Equals(String path, String value) implements Condition {
        @Override
        public Optional<String> test(JsonNode document, String nodeProvince, CustomsDistricts districts) {
            boolean any = JsonPaths.select(document, path).stream()
                    .anyMatch(v -> v.isValueNode() && value.equals(v.asString()));
            return any ? Optional.of("") : Optional.empty();
        }
    }

    /**
     * Applies when the customs district at {@code path} belongs to a province other than the evaluating node's;
     * binds that province for a {@code peer:{province}} destination. A district the table does not know never
     * applies.
     */
    record OtherProvince(String path) implements Condition {
        @Override
        public Optional<String> test(JsonNode document, String nodeProvince, CustomsDistricts districts) {
            return JsonPaths.select(document, path).stream()
                    .filter(JsonNode::isString)
                    .map(v -> districts.provinceOf(v.asString()))
                    .flatMap(Optional::stream)
                    .filter(province -> !province.equals(nodeProvince))
                    .findFirst();
        }
    }
}
