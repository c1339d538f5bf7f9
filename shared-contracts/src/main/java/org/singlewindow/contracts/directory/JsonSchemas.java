package org.singlewindow.contracts.directory;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a JSON Schema (draft 2020-12) per document type from the directory, for client software to validate
 * offline. It expresses structure, formats, lengths, code lists and bounds; check characters, cross-field rules
 * and references to earlier documents cannot be expressed and are listed in {@code $comment}: the node checks
 * them on submission.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Directory directory;

    public JsonSchemas(Directory directory) {
        this.directory = directory;
    }

    public ObjectNode schema(DocumentType type, String baseUri) {
        DocumentDefinition d = directory.document(type);
        ObjectNode root = object(d.fields());
        ObjectNode schema = F.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", baseUri + "/" + type.name());
        schema.put("title", d.nameEn() + " / " + d.nameZh());
        schema.put("description", d.description());
        schema.put("$comment", "Also checked on submission, not expressible here: check characters (USCC GB 32100, "
                + "ISO 6346, IMO); rules " + d.rules() + "; references " + d.references() + ".");
        schema.setAll(root);
        ((ObjectNode) schema.get("properties").get("documentType")).removeAll().put("const", type.name());
        return schema;
    }

    private ObjectNode object(List<Field> fields) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode properties = o.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Field f : fields) {
            properties.set(f.name(), field(f));
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    private ObjectNode field(Field f) {
        DataElement e = directory.element(f.elementId());
        ObjectNode s;
        if (f instanceof Field.Repeat r) {
            s = F.objectNode();
            s.put("type", "array");
            s.set("items", object(r.fields()));
            s.put("minItems", r.min());
            s.put("maxItems", r.max());
        } else if (f instanceof Field.Group) {
            s = object(f.children());
        } else {
            s = leaf(e);
            if (!f.required() && "string".equals(s.path("type").asString())) {
                // like the node, treat an empty optional string as absent
                ObjectNode either = F.objectNode();
                either.putArray("anyOf").add(F.objectNode().put("const", "")).add(s);
                s = either;
            }
        }
        s.put("title", e.nameEn() + " / " + e.nameZh());
        s.put("description", e.id() + ": " + e.description());
        return s;
    }

    private ObjectNode leaf(DataElement e) {
        ObjectNode s = F.objectNode();
        switch (e.type()) {
            case TEXT, CODE -> {
                s.put("type", "string");
                Format f = e.format();
                s.put("minLength", f.upTo() ? 1 : f.length());
                s.put("maxLength", f.length());
                String chars = switch (f.characters()) {
                    case ALPHA -> "[A-Za-z]";
                    case NUMERIC -> "[0-9]";
                    case ANY -> "[^\\u0000-\\u001f\\u007f-\\u009f]";
                };
                String pattern = "^" + chars + "*$";
                if (e.pattern() != null) {
                    pattern = "^(?=" + e.pattern().pattern() + "$)" + chars + "*$";
                }
                s.put("pattern", pattern);
                if (e.codeList() != null) {
                    CodeList list = directory.codeList(e.codeList());
                    if (list.prefix()) {
                        s.put("pattern", "^(" + list.labels().keySet().stream().map(Pattern::quote)
                                .map(q -> q.replace("\\Q", "").replace("\\E", "")).collect(Collectors.joining("|"))
                                + ")[0-9]*$");
                    } else {
                        ArrayNode values = s.putArray("enum");
                        list.labels().keySet().forEach(values::add);
                    }
                } else if (!e.values().isEmpty()) {
                    ArrayNode values = s.putArray("enum");
                    e.values().keySet().forEach(values::add);
                }
            }
            case DECIMAL, INTEGER -> {
                s.put("type", e.type() == DataElement.ElementType.INTEGER ? "integer" : "number");
                if (e.minimum() == DataElement.Minimum.POSITIVE) {
                    s.put("exclusiveMinimum", 0);
                } else if (e.minimum() == DataElement.Minimum.ZERO) {
                    s.put("minimum", 0);
                }
                Format f = e.format();
                s.put("exclusiveMaximum", BigDecimal.TEN.pow(f.integerDigits()));
                if (e.type() == DataElement.ElementType.DECIMAL) {
                    s.put("multipleOf", BigDecimal.ONE.movePointLeft(f.decimals()));
                }
            }
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
                s.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            }
            case DATETIME -> {
                s.put("type", "string");
                s.put("format", "date-time");
                s.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$");
            }
            case GROUP -> throw new IllegalStateException(e.id() + " is a group");
        }
        return s;
    }
}
