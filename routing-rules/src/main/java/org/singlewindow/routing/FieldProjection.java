package org.singlewindow.routing;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cuts a document down to the fields a route grants (数据授权使用: each agency gets the data it needs and nothing
 * more). A grant path keeps the value it reaches and the structure leading to it: granting
 * {@code data.items[].hsCode} keeps every item, each with its {@code hsCode} only. {@code *} keeps everything.
 */
public final class FieldProjection {

    private FieldProjection() {
    }

    public static JsonNode project(JsonNode document, List<String> grant) {
        if (grant.contains("*")) {
            return document.deepCopy();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String path : grant) {
            copy(document, out, path.split("\\."), 0);
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String[] segments, int index) {
        if (from == null || !from.isObject()) {
            return;
        }
        String segment = segments[index];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = from.get(name);
        if (child == null) {
            return;
        }
        boolean last = index == segments.length - 1;
        if (last) {
            to.set(name, child.deepCopy());
            return;
        }
        if (each) {
            if (!child.isArray()) {
                return;
            }
            ArrayNode target = to.has(name) && to.get(name).isArray() ? (ArrayNode) to.get(name) : to.putArray(name);
            for (int i = 0; i < child.size(); i++) {
                if (target.size() <= i) {
                    target.addObject();
                }
                copy(child.get(i), (ObjectNode) target.get(i), segments, index + 1);
            }
        } else {
            ObjectNode target = to.has(name) && to.get(name).isObject() ? (ObjectNode) to.get(name) : to.putObject(name);
            copy(child, target, segments, index + 1);
        }
    }
}
