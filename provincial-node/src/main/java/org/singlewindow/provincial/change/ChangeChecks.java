package org.singlewindow.provincial.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.singlewindow.contracts.change.ChangeRules;
import org.singlewindow.contracts.change.FieldDiff;
import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.FieldChecks;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a change request's body, pure: a reason from the code list and its text; for an amendment, a
 * whole new version that the directory accepts, whose identity fields (the type's {@code fixedFields}) are the
 * current version's, and that changes something. Each refusal names the offending fields.
 */
final class ChangeChecks {

    private static final Directory DIRECTORY = Directory.standard();

    private ChangeChecks() {
    }

    /** The reason code and text of the body; 400 naming the field when either is missing or wrong. */
    static Reason reason(JsonNode body, boolean amendment) {
        FieldChecks checks = new FieldChecks();
        String code = checks.text(body, "reasonCode", 16);
        String text = checks.text(body, "reasonText", 500);
        checks.expect(code == null || CodeList.CHANGE_REASONS.contains(code), "$.reasonCode", "UNKNOWN_CODE",
                "不在修改/撤销原因代码表中（见 /api/v1/directory）", "not in the change reason code list");
        if (amendment) {
            JsonNode document = body.get("document");
            checks.expect(document != null && document.isObject(), "$.document", "REQUIRED",
                    "必填：完整的新版本单证", "required: the whole new version of the document");
        }
        checks.done();
        return new Reason(code, text);
    }

    /** A change's reason. */
    record Reason(String code, String text) {
    }

    /**
     * The new version against the current one: 400 with every field error of the new version (paths under
     * {@code $.document}), 422 {@code FIXED_FIELD_CHANGED} naming each identity field it changes, 422
     * {@code NOTHING_CHANGED} when it is the current version again.
     */
    static List<String> amendment(ChangeRules.Rule rule, JsonNode current, JsonNode next, Set<String> notCarried) {
        List<Violation> invalid = DIRECTORY.validator().validate(next, notCarried).stream().map(ChangeChecks::underDocument)
                .toList();
        if (!invalid.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "VALIDATION_FAILED", "Invalid amendment", "修改后的单证有误",
                    invalid.size() + " field(s) of the new version are invalid; see errors",
                    "新版本有 " + invalid.size() + " 个字段有误，详见 errors", invalid);
        }
        List<Violation> fixed = new ArrayList<>();
        for (String path : rule.fixedFields()) {
            if (!at(current, path).equals(at(next, path))) {
                fixed.add(new Violation("$.document." + path, "FIXED_FIELD_CHANGED", "标识字段不可修改",
                        "identifies the document and may not change"));
            }
        }
        if (!fixed.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "FIXED_FIELD_CHANGED", "Identity field changed",
                    "标识字段不可修改", "an amendment may not change " + fixed.get(0).path().substring(2)
                    + "; submit a new document instead", "修改申请不得改动 " + fixed.get(0).path().substring(2)
                    + "，如需变更请重新申报", fixed);
        }
        List<String> changed = FieldDiff.changed(current, next);
        if (changed.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "NOTHING_CHANGED", "Nothing changed", "未作任何修改",
                    "the new version is the current version again", "新版本与当前版本相同",
                    List.of(new Violation("$.document", "NOTHING_CHANGED", "与当前版本相同", "same as the current version")));
        }
        return changed;
    }

    private static JsonNode at(JsonNode document, String dotted) {
        JsonNode node = document;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static Violation underDocument(Violation v) {
        return new Violation("$.document" + v.path().substring(1), v.code(), v.messageZh(), v.messageEn(),
                v.elementId());
    }
}
