package org.singlewindow.contracts.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The fields one version of a document changed against another, as dotted paths with item indexes
 * ({@code data.remarks}, {@code data.items[1].hsCode}): a value that differs, appears or disappears is named at the
 * deepest level both versions have; an item added to or removed from a list is named as {@code data.items[2]}.
 * An agency is told the changed fields of its own subset: the diff of the two versions cut to its grant.
 */
public final class FieldDiff {

    private FieldDiff() {
    }

    /** The changed paths, in document order of the newer version (then removed ones). */
    public static List<String> changed(JsonNode before, JsonNode after) {
        List<String> paths = new ArrayList<>();
        walk("", before, after, paths);
        return List.copyOf(paths);
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<String> paths) {
        boolean missingBefore = before == null || before.isMissingNode() || before.isNull();
        boolean missingAfter = after == null || after.isMissingNode() || after.isNull();
        if (missingBefore && missingAfter) {
            return;
        }
        if (missingBefore || missingAfter || before.getNodeType() != after.getNodeType()) {
            paths.add(path);
            return;
        }
        if (after.isObject()) {
            Set<String> names = new TreeSet<>();
            after.propertyNames().forEach(names::add);
            before.propertyNames().forEach(names::add);
            List<String> ordered = new ArrayList<>();
            after.propertyNames().forEach(ordered::add);
            names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
            for (String name : ordered) {
                walk(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), paths);
            }
        } else if (after.isArray()) {
            int n = Math.max(before.size(), after.size());
            for (int i = 0; i < n; i++) {
                String item = path + "[" + i + "]";
                if (i >= before.size() || i >= after.size()) {
                    paths.add(item);
                } else {
                    walk(item, before.get(i), after.get(i), paths);
                }
            }
        } else if (!before.equals(after)) {
            paths.add(path);
        }
    }
}
