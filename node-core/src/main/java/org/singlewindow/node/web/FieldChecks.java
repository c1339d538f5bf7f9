package org.singlewindow.node.web;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;
import tools.jackson.databind.JsonNode;

/**
 * Collects every field error of a small API request (identity, delegation) and refuses it at once with 400
 * {@code VALIDATION_FAILED}, each error naming its JSON path, in Chinese and English.
 */
public final class FieldChecks {

    private final List<Violation> violations = new ArrayList<>();

    /** The text at {@code field} of {@code body}, or null (recorded as missing) when absent or not text. */
    public String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            violations.add(new Violation("$." + field, "REQUIRED", "必填，应为文本", "required text"));
            return null;
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            violations.add(new Violation("$." + field, "TOO_LONG", "不得超过 " + maxLength + " 个字符",
                    "at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    /** Records an error at {@code path} unless {@code ok}. */
    public FieldChecks expect(boolean ok, String path, String code, String zh, String en) {
        if (!ok) {
            violations.add(new Violation(path, code, zh, en));
        }
        return this;
    }

    /** Refuses the request with every error found, if any. */
    public void done() {
        if (!violations.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "VALIDATION_FAILED", "Invalid request", "请求数据有误",
                    violations.size() + " field(s) are invalid; see errors", violations.size() + " 个字段有误，详见 errors",
                    violations);
        }
    }
}
