package org.singlewindow.contracts.eport;

import java.util.ArrayList;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test helper: the directory treats an empty string as an absent value, and so does the XML mapping. */
final class RoundTrips {

    private RoundTrips() {
    }

    static JsonNode withoutEmptyText(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                if (e.getValue().isString() && e.getValue().asString().isEmpty()) {
                    object.remove(e.getKey());
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(RoundTrips::strip);
        }
    }
}
