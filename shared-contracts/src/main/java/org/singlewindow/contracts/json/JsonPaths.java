package org.singlewindow.contracts.json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The small path language routing rules, grants and cross-field rules use: dot-separated property names, where {@code name[]} steps into every
 * element of an array, e.g. {@code data.items[].licences[]}. {@code *} alone means the whole document.
 */
public final class JsonPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\[])?");

    private JsonPaths() {
    }

    /** Checks the syntax of a path; returns the reason it is wrong, or {@code null} when it is right. */
    public static String problem(String path) {
        if (path == null || path.isBlank()) {
            return "path is empty";
        }
        if (path.equals("*")) {
            return null;
        }
        for (String segment : path.split("\\.", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return "bad path segment '" + segment + "' in '" + path + "'";
            }
        }
        return null;
    }

    /** Every value the path reaches in the document (missing steps reach nothing). */
    public static List<JsonNode> select(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        if (path.equals("*")) {
            return current;
        }
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                JsonNode child = node.isObject() ? node.get(name) : null;
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    if (child.isArray()) {
                        child.forEach(next::add);
                    }
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        return current;
    }
}
