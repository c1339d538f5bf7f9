package org.singlewindow.contracts.declaration;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Field checks for small hand-written contracts (agency receipts) that collect every violation at once. */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void add(String path, String code, String zh, String en) {
        violations.add(new Violation(path, code, zh, en));
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

    public void required(String path) {
        add(path, "REQUIRED", "必填字段缺失", "required field is missing");
    }
}
