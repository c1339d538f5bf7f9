package org.singlewindow.contracts.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which earlier document prefills which new one, and how ({@code prefills.yaml}, paths checked against the
 * directory when read). {@link #apply} is pure: it reads the earlier document and writes a new one.
 */
public final class Prefills {

    private static final Prefills STANDARD = load(Directory.standard());

    private final List<Prefill> prefills;

    private Prefills(List<Prefill> prefills) {
        this.prefills = List.copyOf(prefills);
    }

    public static Prefills standard() {
        return STANDARD;
    }

    /**
     * One way to prefill.
     *
     * @param pickGroup  the repeated group of the earlier document one element is chosen from (null: none)
     * @param pickBy     the field of that element the caller's value must equal
     * @param when       what the earlier document must say (path: value)
     * @param releasedBy the agency that must have released the earlier document (null: none)
     * @param fields     target path in the new document: source path in the earlier one
     */
    public record Prefill(DocumentType from, DocumentType to, String pickGroup, String pickBy, Map<String, String> when,
                          String releasedBy, Map<String, String> fields) {
    }

    /** Why a document cannot prefill another: the field (of the request or the earlier document) and the reason. */
    public static final class NotApplicable extends RuntimeException {
        private final String field;

        NotApplicable(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Optional<Prefill> of(DocumentType from, DocumentType to) {
        return prefills.stream().filter(p -> p.from() == from && p.to() == to).findFirst();
    }

    public List<Prefill> all() {
        return prefills;
    }

    /**
     * The new document: its type, the earlier one's declarant, and the fields the prefill names, from
     * {@code earlier} (whose id is {@code earlierId}) and from the element {@code pick} chooses.
     *
     * @throws NotApplicable when the earlier document does not say what the prefill needs, or nothing matches pick
     */
    public static ObjectNode apply(Prefill prefill, String earlierId, JsonNode earlier, String pick) {
        prefill.when().forEach((path, value) -> {
            if (!value.equals(read(earlier, path).asString(null))) {
                throw new NotApplicable(path, "a " + prefill.to() + " is prefilled only from a " + prefill.from()
                        + " whose " + path + " is " + value);
            }
        });
        JsonNode picked = null;
        if (prefill.pickGroup() != null) {
            for (JsonNode element : read(earlier, prefill.pickGroup())) {
                if (pick != null && pick.equals(element.path(prefill.pickBy()).asString(null))) {
                    picked = element;
                }
            }
            if (picked == null) {
                throw new NotApplicable("pick", "no element of " + prefill.pickGroup() + " has " + prefill.pickBy()
                        + " = " + pick);
            }
        }
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("documentType", prefill.to().name());
        document.set("declarant", earlier.path("declarant").deepCopy());
        document.putObject("data");
        for (Map.Entry<String, String> field : prefill.fields().entrySet()) {
            String source = field.getValue();
            JsonNode from = source.equals("$id") ? Json.MAPPER.getNodeFactory().textNode(earlierId)
                    : source.startsWith("pick.") ? picked : earlier;
            String path = source.startsWith("pick.") ? source.substring(5) : source;
            if (!source.equals("$id") && path.contains("[]")) {
                copyEach(from, path, document, field.getKey());
            } else {
                JsonNode value = source.equals("$id") ? from : read(from, path);
                if (!value.isMissingNode() && !value.isNull()) {
                    write(document, field.getKey(), value.deepCopy());
                }
            }
        }
        return document;
    }

    /** {@code group[].field} of the source into {@code group[].field} of the target, element by element. */
    private static void copyEach(JsonNode from, String source, ObjectNode document, String target) {
        String[] s = source.split("\\[]\\.", 2);
        String[] t = target.split("\\[]\\.", 2);
        JsonNode elements = read(from, s[0]);
        if (!elements.isArray() || elements.isEmpty()) {
            return;
        }
        ArrayNode into = document.arrayNode();
        for (JsonNode element : elements) {
            JsonNode value = read(element, s[1]);
            if (!value.isMissingNode()) {
                write(into.addObject(), t[1], value.deepCopy());
            }
        }
        write(document, t[0], into);
    }

    private static JsonNode read(JsonNode from, String path) {
        JsonNode at = from;
        for (String segment : path.split("\\.")) {
            at = at.path(segment);
        }
        return at;
    }

    private static void write(ObjectNode document, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        ObjectNode at = document;
        for (int i = 0; i < segments.length - 1; i++) {
            at = at.get(segments[i]) instanceof ObjectNode o ? o : at.putObject(segments[i]);
        }
        at.set(segments[segments.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    static Prefills load(Directory directory) {
        try (InputStream in = Prefills.class.getResourceAsStream("prefills.yaml")) {
            Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Prefill> prefills = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) raw.get("prefills")) {
                DocumentType from = DocumentType.valueOf((String) p.get("from"));
                DocumentType to = DocumentType.valueOf((String) p.get("to"));
                Map<String, String> pick = (Map<String, String>) p.getOrDefault("pick", Map.of());
                Map<String, String> when = new LinkedHashMap<>();
                ((Map<String, Object>) p.getOrDefault("when", Map.of())).forEach((k, v) -> when.put(k,
                        String.valueOf(v)));
                Map<String, String> fields = new LinkedHashMap<>();
                ((Map<String, Object>) p.get("fields")).forEach((k, v) -> fields.put(k, String.valueOf(v)));
                Prefill prefill = new Prefill(from, to, pick.get("group"), pick.get("by"), when,
                        (String) p.get("releasedBy"), fields);
                check(directory, prefill, problems);
                prefills.add(prefill);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("prefills.yaml: " + String.join("; ", problems));
            }
            return new Prefills(prefills);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Directory directory, Prefill p, List<String> problems) {
        DocumentDefinition from = directory.document(p.from());
        DocumentDefinition to = directory.document(p.to());
        String where = p.from() + " to " + p.to();
        if (p.pickGroup() != null && from.field(p.pickGroup() + "[]." + p.pickBy()).isEmpty()) {
            problems.add(where + ": pick names no field " + p.pickGroup() + "[]." + p.pickBy());
        }
        p.when().keySet().stream().filter(path -> from.field(path).isEmpty())
                .forEach(path -> problems.add(where + ": when names no field " + path));
        p.fields().forEach((target, source) -> {
            if (to.field(target).isEmpty()) {
                problems.add(where + ": no field " + target + " to fill");
            }
            String path = source.startsWith("pick.") ? p.pickGroup() + "[]." + source.substring(5) : source;
            if (!source.equals("$id") && from.field(path).isEmpty()) {
                problems.add(where + ": no field " + source + " to read");
            }
        });
    }
}
