package org.singlewindow.contracts.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Validates any document against its directory definition and returns every violation at once (never the first
 * only), each naming the element, the JSON path, a stable code and a Chinese and English message. Checks, in
 * order: structure (unknown, missing, wrongly typed fields), each value's format, length, code list and check
 * character, then the cross-field rules over the values that passed. References to earlier documents need the
 * node's store and are checked there. Pure and thread-safe.
 */
public final class DocumentValidator {

    private final Directory directory;

    DocumentValidator(Directory directory) {
        this.directory = directory;
    }

    public List<Violation> validate(JsonNode root) {
        return validate(root, Set.of());
    }

    /**
     * Validates a document that arrived in a format with no element for some fields the JSON contract requires
     * ({@code notCarried}: their paths, as {@code data.overseasParty.country}): those are not required of it.
     */
    public List<Violation> validate(JsonNode root, Set<String> notCarried) {
        Run run = new Run(notCarried);
        if (root == null || !root.isObject()) {
            run.add("$", null, "TYPE", "请求体应为 JSON 对象", "request body must be a JSON object");
            return run.violations;
        }
        JsonNode typeNode = root.get("documentType");
        if (typeNode == null || typeNode.isNull() || !typeNode.isString()) {
            run.add("$.documentType", "DOCUMENT_TYPE", typeNode == null || typeNode.isNull() ? "REQUIRED" : "TYPE",
                    "必填，应为单证类型代码", "required: a document type code");
            return run.violations;
        }
        DocumentType type = DocumentType.parse(typeNode.asString()).orElse(null);
        if (type == null) {
            String known = directory.documents().keySet().stream().map(Enum::name).collect(Collectors.joining(", "));
            run.add("$.documentType", "DOCUMENT_TYPE", "CODE_UNKNOWN", "未知的单证类型，应为 " + known,
                    "unknown document type, expected one of " + known);
            return run.violations;
        }
        DocumentDefinition definition = directory.document(type);
        fields(run, root, "$", definition.fields());
        for (CrossFieldRule rule : definition.rules()) {
            rule.check(root, new CrossFieldRule.Report() {
                @Override
                public boolean failed(String path) {
                    return run.failed.contains(path);
                }

                @Override
                public void add(String path, String code, String zh, String en) {
                    run.add(path, elementAt(definition, path), code, zh, en);
                }
            });
        }
        exactNumbers(run, definition, root, "$");
        return run.violations;
    }

    /**
     * Documents are signed in their RFC 8785 form, where a number is the IEEE 754 double it denotes (I-JSON): a
     * number a double cannot carry exactly would be signed as another value, so it is refused.
     */
    private void exactNumbers(Run run, DocumentDefinition definition, JsonNode node, String path) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                exactNumbers(run, definition, node.get(name), path + "." + name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                exactNumbers(run, definition, node.get(i), path + "[" + i + "]");
            }
        } else if (node.isString() && !run.failed.contains(path)
                && !CanonicalJson.isWellFormed(node.asString())) {
            run.add(path, elementAt(definition, path), "ENCODING", "文本含有不成对的代理字符（非有效 Unicode）",
                    "text with a lone surrogate is not valid Unicode");
        } else if (node.isNumber() && !run.failed.contains(path)
                && !CanonicalJson.isExact(node.decimalValue())) {
            run.add(path, elementAt(definition, path), "NUMBER_NOT_EXACT",
                    "数值超出 IEEE 754 双精度可精确表示的范围（I-JSON），请减少有效数字（至多 15 位）",
                    "an IEEE 754 double cannot carry this number exactly (I-JSON, RFC 7493): use at most 15 "
                            + "significant digits");
        }
    }

    private void fields(Run run, JsonNode object, String path, List<Field> fields) {
        Set<String> known = new HashSet<>();
        fields.forEach(f -> known.add(f.name()));
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                run.add(path + "." + name, null, "UNKNOWN_FIELD", "未定义的字段", "field is not part of the contract");
            }
        }
        for (Field field : fields) {
            String at = path + "." + field.name();
            JsonNode value = object.get(field.name());
            boolean missing = value == null || value.isNull() || (value.isString() && value.asString().isEmpty());
            if (missing) {
                if (field.required() && !run.notCarried.contains(at.substring(2).replaceAll("\\[\\d+]", "[]"))) {
                    run.add(at, field.elementId(), "REQUIRED", "必填字段缺失", "required field is missing");
                }
                continue;
            }
            if (field instanceof Field.Repeat repeat) {
                repeat(run, value, at, repeat);
            } else if (field instanceof Field.Group && !value.isObject()) {
                run.add(at, field.elementId(), "TYPE", "应为对象", "must be an object");
            } else if (field instanceof Field.Group) {
                fields(run, value, at, field.children());
            } else {
                leaf(run, value, at, directory.element(field.elementId()));
            }
        }
    }

    private void repeat(Run run, JsonNode value, String at, Field.Repeat repeat) {
        if (!value.isArray()) {
            run.add(at, repeat.elementId(), "TYPE", "应为数组", "must be an array");
            return;
        }
        if (value.size() < repeat.min()) {
            run.add(at, repeat.elementId(), "MIN_ITEMS", "至少需要 " + repeat.min() + " 项",
                    "at least " + repeat.min() + " entries are required");
            return;
        }
        if (value.size() > repeat.max()) {
            run.add(at, repeat.elementId(), "MAX_ITEMS", "不得超过 " + repeat.max() + " 项",
                    "at most " + repeat.max() + " entries");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            String p = at + "[" + i + "]";
            if (!entry.isObject()) {
                run.add(p, repeat.elementId(), "TYPE", "应为对象", "must be an object");
                continue;
            }
            fields(run, entry, p, repeat.fields());
            if (repeat.sequence() != null) {
                JsonNode seq = entry.get(repeat.sequence());
                String seqPath = p + "." + repeat.sequence();
                if (seq != null && !seq.isNull() && !run.failed.contains(seqPath)
                        && (!seq.isIntegralNumber() || seq.asInt() != i + 1)) {
                    run.add(seqPath, elementOf(repeat, repeat.sequence()), "SEQUENCE", "序号应为 " + (i + 1),
                            "sequence number must be " + (i + 1));
                }
            }
        }
    }

    private void leaf(Run run, JsonNode value, String at, DataElement e) {
        switch (e.type()) {
            case TEXT, CODE -> text(run, value, at, e);
            case DECIMAL, INTEGER -> number(run, value, at, e);
            case DATE, DATETIME -> date(run, value, at, e);
            case GROUP -> throw new IllegalStateException("group element " + e.id() + " used as a leaf");
        }
    }

    private void text(Run run, JsonNode value, String at, DataElement e) {
        if (!value.isString()) {
            run.add(at, e.id(), "TYPE", "应为字符串", "must be a string");
            return;
        }
        String s = value.asString();
        Format f = e.format();
        if (!e.values().isEmpty() && !e.values().containsKey(s)) {
            // an enumeration: whatever is not one of its values is simply not a known code
            String hint = String.join(", ", e.values().keySet());
            run.add(at, e.id(), "CODE_UNKNOWN", "不是有效的" + e.nameZh() + "代码，应为 " + hint,
                    "not a valid " + e.nameEn() + " code, expected one of " + hint);
            return;
        }
        if (f.upTo() && s.length() > f.length()) {
            run.add(at, e.id(), "TOO_LONG", "长度不得超过 " + f.length() + " 个字符",
                    "must be at most " + f.length() + " characters");
            return;
        }
        if (e.check() == CheckCharacter.USCC) {
            uscc(run, s, at, e);
            return;
        }
        if ((!f.upTo() && s.length() != f.length()) || !f.charactersMatch(s)
                || (e.pattern() != null && !e.pattern().matcher(s).matches())) {
            run.add(at, e.id(), "FORMAT", "格式错误，应为" + f.describeZh() + "（" + e.nameZh() + "）",
                    "wrong format, expected " + f.describeEn() + " (" + e.nameEn() + ")");
            return;
        }
        if (e.check() != null && !e.check().valid(s)) {
            run.add(at, e.id(), "CHECK_CHARACTER", e.nameZh() + "校验位错误（" + e.check() + "）",
                    e.nameEn() + " check character is wrong (" + e.check() + ")");
            return;
        }
        if (e.codeList() != null && !directory.codeList(e.codeList()).contains(s)) {
            Directory.CodeListInfo list = directory.codeLists().get(e.codeList());
            run.add(at, e.id(), "CODE_UNKNOWN", "不是有效的" + list.nameZh(), "not a valid " + list.nameEn());
        }
    }

    private static void uscc(Run run, String s, String at, DataElement e) {
        switch (Uscc.check(s)) {
            case VALID -> { }
            case BAD_LENGTH -> run.add(at, e.id(), "FORMAT", "统一社会信用代码应为 18 位",
                    "a Unified Social Credit Code has 18 characters");
            case BAD_CHARACTER -> run.add(at, e.id(), "FORMAT", "统一社会信用代码含有非法字符",
                    "Unified Social Credit Code contains a character outside GB 32100-2015");
            case BAD_CHECK_CHARACTER -> run.add(at, e.id(), "CHECK_CHARACTER", "统一社会信用代码校验码错误",
                    "Unified Social Credit Code check character is wrong (GB 32100-2015)");
        }
    }

    private static void number(Run run, JsonNode value, String at, DataElement e) {
        if (!value.isNumber() || (e.type() == DataElement.ElementType.INTEGER && !value.isIntegralNumber())) {
            run.add(at, e.id(), "TYPE", e.type() == DataElement.ElementType.INTEGER ? "应为整数" : "应为数字",
                    e.type() == DataElement.ElementType.INTEGER ? "must be a whole number" : "must be a number");
            return;
        }
        BigDecimal v = value.decimalValue();
        DataElement.Minimum min = e.minimum();
        if (min != null && (v.signum() < 0 || (min == DataElement.Minimum.POSITIVE && v.signum() == 0))) {
            boolean zero = min == DataElement.Minimum.ZERO;
            run.add(at, e.id(), "RANGE", zero ? "不得为负数" : "必须大于零",
                    zero ? "must not be negative" : "must be greater than zero");
            return;
        }
        Format f = e.format();
        if (v.stripTrailingZeros().scale() > f.decimals()) {
            run.add(at, e.id(), "PRECISION", "小数位不得超过 " + f.decimals() + " 位", "at most " + f.decimals()
                    + " decimal places");
            return;
        }
        if (v.precision() - v.scale() > f.integerDigits()) {
            run.add(at, e.id(), "RANGE", "数值过大（" + f.describeZh() + "）", "value too large (" + f.describeEn() + ")");
        }
    }

    private static void date(Run run, JsonNode value, String at, DataElement e) {
        boolean date = e.type() == DataElement.ElementType.DATE;
        try {
            if (!value.isString()) {
                throw new DateTimeParseException("not a string", "", 0);
            }
            if (date) {
                LocalDate.parse(value.asString());
            } else {
                OffsetDateTime.parse(value.asString());
            }
        } catch (DateTimeParseException ex) {
            run.add(at, e.id(), "FORMAT", date ? "应为日期 YYYY-MM-DD" : "应为带时区的日期时间，如 2026-11-27T08:00:00+08:00",
                    date ? "must be a date YYYY-MM-DD" : "must be a date-time with offset, e.g. 2026-11-27T08:00:00+08:00");
        }
    }

    private static String elementOf(Field.Repeat repeat, String name) {
        return repeat.fields().stream().filter(f -> f.name().equals(name)).map(Field::elementId).findFirst()
                .orElse(null);
    }

    /** The element of the field at a concrete path ({@code $.data.items[0].totalPrice}). */
    static String elementAt(DocumentDefinition definition, String concretePath) {
        String dotted = concretePath.replaceFirst("^\\$\\.?", "").replaceAll("\\[\\d+]", "[]");
        return definition.field(dotted).map(Field::elementId).orElse(null);
    }

    private static final class Run {
        final List<Violation> violations = new ArrayList<>();
        final Set<String> failed = new HashSet<>();
        final Set<String> notCarried;

        Run(Set<String> notCarried) {
            this.notCarried = notCarried;
        }

        void add(String path, String elementId, String code, String zh, String en) {
            violations.add(new Violation(path, code, zh, en, elementId));
            failed.add(path);
        }
    }
}
