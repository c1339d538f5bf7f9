package org.singlewindow.contracts.eport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.DataElement;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One reading of a {@code DecMessage} into the goods declaration JSON, as {@link DecMessageLayout} says: the document
 * being built, the currency its items name, and every element that could not be mapped.
 */
final class DecMessageReader {

    private final DecMessageLayout layout;
    private final DocumentDefinition goods;
    private final Directory directory;
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final List<Violation> problems = new ArrayList<>();
    private String currency;

    DecMessageReader(DecMessageLayout layout, DocumentDefinition goods, Directory directory) {
        this.layout = layout;
        this.goods = goods;
        this.directory = directory;
    }

    /** The document {@code dec} stands for; refused with every element that cannot be mapped. */
    ObjectNode read(XmlElement dec, boolean envelopedSignature) {
        root.put("documentType", DocumentType.GOODS_DECLARATION.name());
        children(dec, "/DecMessage", null, root, "", envelopedSignature);
        if (currency != null) {
            put(root, "data.currency", currency, "data.currency");
        }
        if (!problems.isEmpty()) {
            throw new XmlRejected("XML_UNMAPPABLE", problems.size() + " XML element(s) cannot be mapped", problems);
        }
        return root;
    }

    /**
     * The children of {@code element} (the root, or an entry or single part named {@code part}): its fields go to
     * {@code entry} (the root for a single part), its parts below it.
     */
    void children(XmlElement element, String at, DecMessageLayout.Part part, ObjectNode entry, String definition,
                  boolean signature) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> entries = new HashMap<>();
        for (XmlElement child : element.children()) {
            String here = at + "/" + child.name();
            Optional<String> field = part == null ? Optional.empty() : part.element(child.name());
            DecMessageLayout.Part below = partAt(part, child.name());
            if (field.isPresent()) {
                if (!seen.add(field.get())) {
                    problems.add(new Violation(here, "DUPLICATE_ELEMENT", "XML 元素重复",
                            "XML element appears more than once"));
                } else if (!child.children().isEmpty() && carries(child)) {
                    unknown(child, here);
                } else if (!child.text().isEmpty()) {
                    value(part, field.get(), child.text(), entry, definition, here);
                }
            } else if (below != null && below.wrapper() != null && below.wrapper().equals(child.name())) {
                if (!seen.add(child.name())) {
                    problems.add(new Violation(here, "DUPLICATE_ELEMENT", "XML 元素重复",
                            "XML element appears more than once"));
                }
                int n = 0;
                for (XmlElement inner : child.children()) {
                    if (inner.name().equals(below.name())) {
                        entry(below, inner, here + "/" + inner.name() + "[" + ++n + "]", entry, definition);
                    } else {
                        unknown(inner, here + "/" + inner.name());
                    }
                }
            } else if (below != null && below.repeated()) {
                entry(below, child, here + "[" + entries.merge(child.name(), 1, Integer::sum) + "]", entry, definition);
            } else if (below != null) {
                if (!seen.add(child.name())) {
                    problems.add(new Violation(here, "DUPLICATE_ELEMENT", "XML 元素重复",
                            "XML element appears more than once"));
                }
                children(child, here, below, root, "", false);
            } else if (!(signature && part == null && child.name().equals("Signature"))) {
                unknown(child, here);
            }
        }
    }

    /** One entry of a repeated part, kept when it carries something. */
    private void entry(DecMessageLayout.Part part, XmlElement element, String at, ObjectNode parent,
                       String definition) {
        if (!carries(element)) {
            return;
        }
        ObjectNode base = part.parent().equals(DecMessageLayout.ROOT) ? root : parent;
        String arrayDefinition = (part.parent().equals(DecMessageLayout.ROOT) || definition.isEmpty() ? ""
                : definition + ".") + part.array() + "[]";
        ObjectNode entry = array(base, part.array()).addObject();
        children(element, at, part, entry, arrayDefinition, false);
    }

    private void value(DecMessageLayout.Part part, String element, String text, ObjectNode entry,
                       String definition, String at) {
        String path = part.fields().get(element);
        if (path.isEmpty()) { // TradeCurr: the document's one currency
            if (currency == null) {
                currency = text;
            } else if (!currency.equals(text)) {
                problems.add(new Violation(at, "CURRENCY_MISMATCH", "所有商品项的币制应相同",
                        "every item must have the same currency", "CURRENCY"));
            }
        } else if (part.repeated()) {
            put(entry, path, text, definition + "." + path);
        } else {
            put(root, path, DecMessageMapper.jsonValue(element, text), path);
        }
    }

    private void unknown(XmlElement element, String at) {
        if (!carries(element)) {
            return;
        }
        problems.add(layout.ignoredWhenEmpty().contains(element.name())
                ? new Violation(at, "NOT_SUPPORTED", "转关部分尚不受理（空的转关部分可以发送）",
                "transit parts are not handled yet (empty ones are accepted)")
                : new Violation(at, "UNKNOWN_ELEMENT", "未定义的 XML 元素", "XML element is not part of the mapping"));
    }

    /** The part written under {@code part} (null: the root) as {@code name}: by its own name or its wrapper's. */
    private DecMessageLayout.Part partAt(DecMessageLayout.Part part, String name) {
        for (DecMessageLayout.Part child : layout.childrenOf(part == null ? DecMessageLayout.ROOT : part.name())) {
            if (name.equals(child.wrapper()) || child.wrapper() == null && name.equals(child.name())) {
                return child;
            }
        }
        return null;
    }

    /** Whether an element carries a value anywhere inside it. */
    private static boolean carries(XmlElement element) {
        return !element.text().isBlank() || element.children().stream().anyMatch(DecMessageReader::carries);
    }

    /** Sets a value at a dotted path, typed by the directory (numbers for numeric elements when they parse). */
    private void put(ObjectNode base, String path, String value, String definitionPath) {
        String[] segments = path.split("\\.");
        ObjectNode at = parentOf(base, segments);
        String name = segments[segments.length - 1];
        DataElement.ElementType type = goods.field(definitionPath)
                .map(f -> directory.element(f.elementId()).type()).orElse(DataElement.ElementType.TEXT);
        try {
            if (type == DataElement.ElementType.INTEGER && value.matches("-?\\d{1,9}")) {
                at.put(name, Integer.parseInt(value));
                return;
            }
            if (type == DataElement.ElementType.DECIMAL && value.matches("-?\\d+(\\.\\d+)?")) {
                at.put(name, new BigDecimal(value));
                return;
            }
        } catch (NumberFormatException e) {
            // left as text: the validator names it
        }
        at.put(name, value);
    }

    /** The array at a dotted path under {@code base}, made (with the objects on the way) when missing. */
    private static ArrayNode array(ObjectNode base, String path) {
        String[] segments = path.split("\\.");
        ObjectNode at = parentOf(base, segments);
        String last = segments[segments.length - 1];
        return at.has(last) ? (ArrayNode) at.get(last) : at.putArray(last);
    }

    /** The object holding a path's last segment, made with the objects on the way when missing. */
    private static ObjectNode parentOf(ObjectNode base, String[] segments) {
        ObjectNode at = base;
        for (int i = 0; i < segments.length - 1; i++) {
            at = at.has(segments[i]) ? (ObjectNode) at.get(segments[i]) : at.putObject(segments[i]);
        }
        return at;
    }
}
