package org.singlewindow.contracts.directory;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A value found in a document with its concrete JSON path ({@code $.data.items[2].totalPrice}).
 *
 * @param node the value (never null; missing values are not located)
 * @param path its concrete JSON path
 */
record Located(JsonNode node, String path) {

    /** Every value a dotted path with {@code []} steps reaches, from {@code base} at {@code basePath}. */
    static List<Located> select(JsonNode base, String basePath, String dotted) {
        List<Located> current = List.of(new Located(base, basePath));
        for (String segment : dotted.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            List<Located> next = new ArrayList<>();
            for (Located at : current) {
                JsonNode child = at.node().isObject() ? at.node().get(name) : null;
                if (child == null || child.isNull()) {
                    continue;
                }
                String path = at.path() + "." + name;
                if (!each) {
                    next.add(new Located(child, path));
                } else if (child.isArray()) {
                    for (int i = 0; i < child.size(); i++) {
                        next.add(new Located(child.get(i), path + "[" + i + "]"));
                    }
                }
            }
            current = next;
        }
        return current;
    }

    static List<Located> select(JsonNode root, String dotted) {
        return select(root, "$", dotted);
    }
}
