package org.singlewindow.contracts.declaration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.codes.Uscc;
import tools.jackson.databind.JsonNode;

/** Field checks that collect every violation instead of stopping at the first; shared by the validators. */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void add(String path, String code, String zh, String en) {
        violations.add(new Violation(path, code, zh, en));
    }

    /** Reports properties of {@code node} that the contract does not define. */
    public void onlyKnown(JsonNode node, String path, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                add(path + "." + name, "UNKNOWN_FIELD", "未定义的字段", "field is not part of the contract");
            }
        }
    }

    /** Returns the object at {@code name}, or {@code null} after reporting why there is none. */
    public JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            required(path);
            return null;
        }
        if (!node.isObject()) {
            add(path, "TYPE", "应为对象", "must be an object");
            return null;
        }
        return node;
    }

    /** Returns the text at {@code name}, or {@code null} after reporting why there is none. */
    public String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull() || (node.isString() && node.asString().isEmpty())) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (!node.isString()) {
            add(path, "TYPE", "应为字符串", "must be a string");
            return null;
        }
        String value = node.asString();
        if (value.length() > maxLength) {
            add(path, "TOO_LONG", "长度不得超过 " + maxLength + " 个字符",
                    "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    public void pattern(JsonNode parent, String name, String path, Pattern pattern, String zhFormat, String enFormat) {
        String value = text(parent, name, path, true, 64);
        if (value != null && !pattern.matcher(value).matches()) {
            add(path, "FORMAT", "格式错误，应为" + zhFormat, "wrong format, expected " + enFormat);
        }
    }

    public void code(JsonNode parent, String name, String path, CodeList list, String zhList, String enList) {
        String value = text(parent, name, path, true, 8);
        if (value != null && !list.contains(value)) {
            add(path, "CODE_UNKNOWN", "不是有效的" + zhList + "代码", "not a valid " + enList + " code");
        }
    }

    public void uscc(JsonNode parent, String name, String path) {
        String value = text(parent, name, path, true, 64);
        if (value == null) {
            return;
        }
        switch (Uscc.check(value)) {
            case VALID -> { }
            case BAD_LENGTH -> add(path, "FORMAT", "统一社会信用代码应为 18 位",
                    "a Unified Social Credit Code has 18 characters");
            case BAD_CHARACTER -> add(path, "FORMAT", "统一社会信用代码含有非法字符",
                    "Unified Social Credit Code contains a character outside GB 32100-2015");
            case BAD_CHECK_CHARACTER -> add(path, "CHECK_CHARACTER", "统一社会信用代码校验码错误",
                    "Unified Social Credit Code check character is wrong (GB 32100-2015)");
        }
    }

    /** Returns a positive (or, when allowed, zero) decimal with at most {@code scale} decimals, else null. */
    public BigDecimal decimal(JsonNode parent, String name, String path, int scale, boolean allowZero) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            required(path);
            return null;
        }
        if (!node.isNumber()) {
            add(path, "TYPE", "应为数字", "must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || (!allowZero && value.signum() == 0)) {
            add(path, "RANGE", allowZero ? "不得为负数" : "必须大于零",
                    allowZero ? "must not be negative" : "must be greater than zero");
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            add(path, "PRECISION", "小数位不得超过 " + scale + " 位", "at most " + scale + " decimal places");
            return null;
        }
        if (value.precision() - value.scale() > 16) {
            add(path, "RANGE", "数值过大", "value too large");
            return null;
        }
        return value;
    }

    public void required(String path) {
        add(path, "REQUIRED", "必填字段缺失", "required field is missing");
    }
}
