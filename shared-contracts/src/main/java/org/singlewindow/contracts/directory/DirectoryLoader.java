package org.singlewindow.contracts.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.JsonPaths;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the directory's YAML files ({@code data-elements.yaml}, {@code documents/<type>.yaml},
 * {@code agency-subsets.yaml}) and checks them as a whole, reporting every problem at once: unknown elements,
 * bad formats, missing code lists, rule or subset paths that name no field.
 * <p>In a document file a leaf field is written {@code name: ELEMENT_ID} or {@code name: ELEMENT_ID required};
 * a group {@code name: {group: ELEMENT_ID, required: true, fields: {...}}}; a repeated group
 * {@code name: {repeat: ELEMENT_ID, min: 1, max: 50, sequence: seq, fields: {...}}}. Every document starts with
 * the common head {@code documentType}, {@code clientReference} and {@code declarant} and has its own {@code data}.
 */
final class DirectoryLoader {

    private static final String BASE = "/org/singlewindow/contracts/directory/";
    private static final java.util.Set<String> ELEMENT_KEYS = java.util.Set.of("id", "zh", "en", "type", "format",
            "codeList", "values", "pattern", "check", "min", "description", "wco", "untded", "source");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, DataElement> elements = new LinkedHashMap<>();
    private final Map<String, Directory.CodeListInfo> codeLists = new LinkedHashMap<>();

    private DirectoryLoader() {
    }

    static Directory load() {
        return new DirectoryLoader().read();
    }

    @SuppressWarnings("unchecked")
    private Directory read() {
        Map<String, Object> root = (Map<String, Object>) yaml("data-elements.yaml");
        ((Map<String, Map<String, Object>>) root.get("codeLists")).forEach(this::codeList);
        for (Map<String, Object> raw : (List<Map<String, Object>>) root.get("elements")) {
            element(raw);
        }
        Map<DocumentType, DocumentDefinition> documents = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            Object doc = yaml("documents/" + type.fileName());
            if (doc == null) {
                problems.add("documents/" + type.fileName() + ": missing");
                continue;
            }
            documents.put(type, document(type, (Map<String, Object>) doc));
        }
        Map<AgencyCode, Map<DocumentType, List<String>>> subsets = subsets(
                (Map<String, Map<String, List<String>>>) ((Map<String, Object>) yaml("agency-subsets.yaml")).get("subsets"),
                documents);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("data element directory: " + String.join("; ", problems));
        }
        return new Directory(elements, codeLists, documents, subsets);
    }

    private void codeList(String name, Map<String, Object> raw) {
        try {
            CodeList codes = CodeList.load(String.valueOf(raw.get("file")), Boolean.TRUE.equals(raw.get("prefix")));
            codeLists.put(name, new Directory.CodeListInfo(name, (String) raw.get("zh"), (String) raw.get("en"),
                    (String) raw.get("source"), codes));
        } catch (IllegalStateException e) {
            problems.add("code list " + name + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void element(Map<String, Object> raw) {
        String id = String.valueOf(raw.get("id"));
        String where = "element " + id;
        for (Object key : raw.keySet()) {
            if (!ELEMENT_KEYS.contains(String.valueOf(key))) {
                problems.add(where + ": unknown key '" + key + "'");
            }
        }
        try {
            DataElement.ElementType type = DataElement.ElementType.valueOf(
                    String.valueOf(raw.get("type")).toUpperCase(Locale.ROOT));
            Format format = raw.get("format") == null ? null : Format.parse(String.valueOf(raw.get("format")));
            boolean needsFormat = switch (type) {
                case TEXT, CODE, DECIMAL, INTEGER -> true;
                default -> false;
            };
            if (needsFormat != (format != null)) {
                problems.add(where + ": " + (needsFormat ? "needs" : "must not have") + " a format");
            }
            String codeList = (String) raw.get("codeList");
            if (codeList != null && !codeLists.containsKey(codeList)) {
                problems.add(where + ": unknown code list " + codeList);
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (raw.get("values") instanceof Map<?, ?> v) {
                v.forEach((k, label) -> values.put(String.valueOf(k), String.valueOf(label)));
            }
            if (type == DataElement.ElementType.CODE && codeList == null && values.isEmpty()) {
                problems.add(where + ": a code element needs a codeList or values");
            }
            Pattern pattern = raw.get("pattern") == null ? null : Pattern.compile(String.valueOf(raw.get("pattern")));
            CheckCharacter check = raw.get("check") == null ? null : CheckCharacter.valueOf(String.valueOf(raw.get("check")));
            DataElement.Minimum min = raw.get("min") == null ? null
                    : DataElement.Minimum.valueOf(String.valueOf(raw.get("min")).toUpperCase(Locale.ROOT));
            for (String key : List.of("zh", "en", "description")) {
                if (!(raw.get(key) instanceof String s) || s.isBlank()) {
                    problems.add(where + ": '" + key + "' is required");
                }
            }
            String wco = (String) raw.get("wco");
            String untded = raw.get("untded") == null ? null : String.valueOf(raw.get("untded"));
            if ((wco != null || untded != null) && raw.get("source") == null) {
                problems.add(where + ": a WCO or UN/TDED id needs its source");
            }
            if (elements.put(id, new DataElement(id, (String) raw.get("zh"), (String) raw.get("en"), type, format,
                    codeList, values, pattern, check, min, (String) raw.get("description"), wco, untded,
                    (String) raw.get("source"))) != null) {
                problems.add(where + ": duplicate id");
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private DocumentDefinition document(DocumentType type, Map<String, Object> raw) {
        String where = "documents/" + type.fileName();
        List<Field> head = new ArrayList<>();
        head.add(new Field.Leaf("documentType", "DOCUMENT_TYPE", true));
        head.add(new Field.Leaf("clientReference", "CLIENT_REFERENCE", true));
        head.add(new Field.Group("declarant", "DECLARANT", true, List.of(
                new Field.Leaf("uscc", "ENTERPRISE_USCC", true), new Field.Leaf("name", "ENTERPRISE_NAME", false))));
        head.add(field(where, "data", raw.get("data")));
        List<CrossFieldRule> rules = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) raw.getOrDefault("rules", List.of())) {
            try {
                rules.add(CrossFieldRule.parse(r));
            } catch (IllegalArgumentException | ClassCastException e) {
                problems.add(where + ": rule " + r + ": " + e.getMessage());
            }
        }
        List<Reference> references = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) raw.getOrDefault("references", List.of())) {
            Map<String, String> match = new LinkedHashMap<>();
            ((Map<String, Object>) r.getOrDefault("match", Map.of())).forEach((k, v) -> match.put(k, String.valueOf(v)));
            references.add(new Reference((String) r.get("field"), (String) r.get("documentType"), match,
                    ((List<Object>) r.getOrDefault("sameAs", List.of())).stream().map(String::valueOf).toList(),
                    (String) r.get("releasedBy")));
        }
        List<String> notCopied = new ArrayList<>(List.of("clientReference"));
        ((List<Object>) raw.getOrDefault("notCopied", List.of())).forEach(p -> notCopied.add(String.valueOf(p)));
        DocumentDefinition definition = new DocumentDefinition(type, (String) raw.get("zh"), (String) raw.get("en"),
                (String) raw.get("description"), head, rules, references, notCopied);
        for (String path : notCopied) {
            if (definition.field(path).isEmpty()) {
                problems.add(where + ": notCopied names no field at " + path);
            }
        }
        for (CrossFieldRule rule : rules) {
            for (String path : rule.paths()) {
                if (definition.field(path).isEmpty()) {
                    problems.add(where + ": rule " + rule + " names no field at " + path);
                }
            }
        }
        for (Reference r : references) {
            if (r.field() == null || definition.field(r.field()).isEmpty()
                    || DocumentType.parse(String.valueOf(r.documentType())).isEmpty()) {
                problems.add(where + ": reference " + r + " names no field or an unknown document type");
            }
        }
        return definition;
    }

    @SuppressWarnings("unchecked")
    private Field field(String where, String name, Object raw) {
        String at = where + ": " + name;
        if (raw instanceof String s) {
            String[] parts = s.trim().split("\\s+");
            boolean required = parts.length == 2 && parts[1].equals("required");
            if (parts.length > 2 || (parts.length == 2 && !required)) {
                problems.add(at + ": write 'ELEMENT_ID' or 'ELEMENT_ID required'");
            }
            checkElement(at, parts[0], false);
            return new Field.Leaf(name, parts[0], required);
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(at + ": expected an element id or a group");
            return new Field.Leaf(name, "?", false);
        }
        Map<String, Object> m = (Map<String, Object>) map;
        List<Field> fields = new ArrayList<>();
        ((Map<String, Object>) m.getOrDefault("fields", Map.of())).forEach((k, v) -> fields.add(field(where, name + "." + k, v)));
        List<Field> named = fields.stream().map(f -> f.named(f.name().substring(name.length() + 1))).toList();
        if (m.containsKey("repeat")) {
            String element = String.valueOf(m.get("repeat"));
            checkElement(at, element, true);
            int min = ((Number) m.getOrDefault("min", 0)).intValue();
            int max = ((Number) m.getOrDefault("max", 999)).intValue();
            return new Field.Repeat(name, element, min > 0 || Boolean.TRUE.equals(m.get("required")), min, max,
                    (String) m.get("sequence"), named);
        }
        String element = String.valueOf(m.get("group"));
        checkElement(at, element, true);
        return new Field.Group(name, element, "data".equals(name) || Boolean.TRUE.equals(m.get("required")), named);
    }

    private void checkElement(String at, String id, boolean group) {
        DataElement e = elements.get(id);
        if (e == null) {
            problems.add(at + ": unknown element " + id);
        } else if ((e.type() == DataElement.ElementType.GROUP) != group) {
            problems.add(at + ": element " + id + (group ? " is not a group" : " is a group"));
        }
    }

    private Map<AgencyCode, Map<DocumentType, List<String>>> subsets(Map<String, Map<String, List<String>>> raw,
                                                                    Map<DocumentType, DocumentDefinition> documents) {
        Map<AgencyCode, Map<DocumentType, List<String>>> out = new EnumMap<>(AgencyCode.class);
        raw.forEach((agency, byType) -> {
            AgencyCode code;
            try {
                code = AgencyCode.valueOf(agency);
            } catch (IllegalArgumentException e) {
                problems.add("agency-subsets.yaml: unknown agency " + agency);
                return;
            }
            Map<DocumentType, List<String>> types = new EnumMap<>(DocumentType.class);
            byType.forEach((typeName, paths) -> {
                DocumentType type = DocumentType.parse(typeName).orElse(null);
                if (type == null) {
                    problems.add("agency-subsets.yaml: " + agency + ": unknown document type " + typeName);
                    return;
                }
                for (String path : paths) {
                    if (JsonPaths.problem(path) != null || (!path.equals("*") && documents.containsKey(type)
                            && documents.get(type).field(path).isEmpty())) {
                        problems.add("agency-subsets.yaml: " + agency + "." + typeName + ": no field at " + path);
                    }
                }
                types.put(type, List.copyOf(paths));
            });
            out.put(code, types);
        });
        return out;
    }

    private Object yaml(String name) {
        try (InputStream in = DirectoryLoader.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                return null;
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
