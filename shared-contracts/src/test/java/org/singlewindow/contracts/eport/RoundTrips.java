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

    /**
     * What of a JSON document the DecMessage layout carries: without empty text, and without the fields the JSON
     * contract has and the 2018 layout has no element for (the overseas party's country, the two-step declaration's
     * kind and summary, the UN/LOCODE foreign port, a licence's kind in the hub's own codes).
     */
    static JsonNode carriedByXml(JsonNode node) {
        JsonNode copy = withoutEmptyText(node);
        ObjectNode data = (ObjectNode) copy.get("data");
        ((ObjectNode) data.get("overseasParty")).remove("country");
        data.remove(java.util.List.of("declarationKind", "summaryDeclarationId", "foreignPort"));
        data.path("items").forEach(item -> item.path("licences").forEach(l -> ((ObjectNode) l).remove("type")));
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
