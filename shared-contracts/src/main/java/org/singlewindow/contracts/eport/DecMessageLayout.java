package org.singlewindow.contracts.eport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.directory.Field;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code DecMessage} layout as data ({@code decmessage-layout.yaml}): its parts, where each sits, and the JSON
 * path of every element. Pure: read once, asked by {@link DecMessageMapper} both ways.
 *
 * @param parts            in the order they are written
 * @param ignoredWhenEmpty parts written by declarant software but not mapped, accepted only when they carry nothing
 */
public record DecMessageLayout(List<Part> parts, Set<String> ignoredWhenEmpty) {

    public static final String ROOT = "DecMessage";

    /**
     * One part: an element under {@code parent} (inside {@code wrapper} when there is one), once or repeated into
     * the JSON array {@code array}.
     *
     * @param fields   XML element → JSON path (from the root for a single part, from the entry for a repeated one)
     * @param readAlso other spellings seen → the element they are read as
     */
    public record Part(String name, String parent, String wrapper, String array, Map<String, String> fields,
                       Map<String, String> readAlso) {

        public boolean repeated() {
            return array != null;
        }

        /** The element a child of this part stands for (its own name, or the one another spelling is read as). */
        public Optional<String> element(String xmlName) {
            String name = readAlso.getOrDefault(xmlName, xmlName);
            return fields.containsKey(name) ? Optional.of(name) : Optional.empty();
        }
    }

    private static final DecMessageLayout STANDARD = load("decmessage-layout.yaml");

    public static DecMessageLayout standard() {
        return STANDARD;
    }

    /** The parts directly under {@code parent} (a part name, or {@link #ROOT}). */
    public List<Part> childrenOf(String parent) {
        return parts.stream().filter(p -> p.parent().equals(parent)).toList();
    }

    /**
     * The fields {@code goods} requires that no element of this layout carries (nor any field inside them), as
     * dotted definition paths ({@code data.overseasParty.country}).
     */
    public Set<String> notCarried(DocumentDefinition goods) {
        Set<String> carried = new HashSet<>();
        carried.add("documentType"); // the layout is the goods declaration's
        carried.add("data.currency"); // TradeCurr
        for (Part part : parts) {
            String prefix = arrayPrefix(part);
            for (String path : part.fields().values()) {
                if (!path.isEmpty()) {
                    String full = prefix + path;
                    for (int dot = full.indexOf('.'); dot > 0; dot = full.indexOf('.', dot + 1)) {
                        carried.add(full.substring(0, dot).replace("[]", ""));
                        carried.add(full.substring(0, dot));
                    }
                    carried.add(full);
                }
            }
        }
        Set<String> out = new HashSet<>();
        collectRequired(goods.fields(), "", carried, out);
        return Set.copyOf(out);
    }

    private String arrayPrefix(Part part) {
        if (!part.repeated()) {
            return "";
        }
        Part parent = parts.stream().filter(p -> p.name().equals(part.parent()))
                .findFirst().orElse(null);
        return (parent == null ? "" : arrayPrefix(parent)) + part.array() + "[].";
    }

    private static void collectRequired(List<Field> fields, String prefix, Set<String> carried, Set<String> out) {
        for (Field f : fields) {
            String path = prefix + f.name();
            if (f.required() && !carried.contains(path)) {
                out.add(path);
            }
            if (!(f instanceof Field.Leaf)) {
                collectRequired(f.children(), path + (f instanceof Field.Repeat ? "[]." : "."), carried, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static DecMessageLayout load(String resource) {
        Map<String, Object> raw;
        try (InputStream in = DecMessageLayout.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " next to " + DecMessageLayout.class.getName());
            }
            raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> readAlso = (Map<String, Map<String, String>>) raw.getOrDefault("readAlso",
                Map.of());
        List<Part> parts = new ArrayList<>();
        ((Map<String, Map<String, Object>>) raw.get("parts")).forEach((name, p) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            ((Map<String, Object>) p.get("fields")).forEach((k, v) -> fields.put(k, String.valueOf(v)));
            parts.add(new Part(name, (String) p.get("parent"), (String) p.get("wrapper"), (String) p.get("array"),
                    fields, readAlso.getOrDefault(name, Map.of())));
        });
        for (Part part : parts) {
            if (!part.parent().equals(ROOT) && parts.stream().noneMatch(p -> p.name().equals(part.parent()))) {
                throw new IllegalStateException(resource + ": part " + part.name() + " is under an unknown part "
                        + part.parent());
            }
            part.readAlso().forEach((alias, element) -> {
                if (!part.fields().containsKey(element)) {
                    throw new IllegalStateException(resource + ": " + part.name() + " reads " + alias + " as "
                            + element + ", which it does not have");
                }
            });
        }
        return new DecMessageLayout(List.copyOf(parts), Set.copyOf((List<String>) raw.getOrDefault("ignoredWhenEmpty",
                List.of())));
    }
}
