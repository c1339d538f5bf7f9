package org.singlewindow.contracts.directory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A template: a new draft made from an earlier document, less what belonged to that document alone (the fields its
 * type's {@link DocumentDefinition#notCopied} names: its client reference, references to other documents, its own
 * numbers and dates, signatures, files). Pure; the earlier document is left as it was.
 */
public final class Templates {

    private Templates() {
    }

    public static ObjectNode template(DocumentDefinition definition, JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a document is a JSON object");
        }
        ObjectNode copy = object.deepCopy();
        for (String path : definition.notCopied()) {
            remove(copy, path.split("\\."), 0);
        }
        return copy;
    }

    private static void remove(JsonNode node, String[] segments, int at) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = segments[at];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        if (at == segments.length - 1) {
            object.remove(name);
            return;
        }
        JsonNode next = object.get(name);
        if (next == null) {
            return;
        }
        if (each) {
            for (JsonNode element : next) {
                remove(element, segments, at + 1);
            }
        } else {
            remove(next, segments, at + 1);
        }
    }
}
