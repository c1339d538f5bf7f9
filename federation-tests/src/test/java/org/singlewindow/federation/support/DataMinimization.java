package org.singlewindow.federation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** What an agency received, as dotted leaf paths, against what it is entitled to (its directory subset). */
public final class DataMinimization {

    private DataMinimization() {
    }

    /** {@code data.items[].hsCode} for every value in the document. */
    public static List<String> leafPaths(JsonNode document) {
        List<String> out = new ArrayList<>();
        collect(document, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, path + "[]", out));
            if (node.isEmpty()) {
                out.add(path);
            }
        } else {
            out.add(path);
        }
    }

    /** Whether a leaf path lies inside one of the granted paths ({@code *} grants everything). */
    public static boolean covered(String leaf, List<String> subset) {
        return subset.contains("*") || subset.stream().anyMatch(s -> leaf.equals(s) || leaf.startsWith(s + ".")
                || leaf.startsWith(s + "[]") || leaf.equals(s.replace("[]", "")));
    }
}
