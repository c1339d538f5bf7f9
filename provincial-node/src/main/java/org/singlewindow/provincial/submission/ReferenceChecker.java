package org.singlewindow.provincial.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.directory.Field;
import org.singlewindow.contracts.directory.Reference;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.contracts.json.JsonPaths;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.status.StatusMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a document's references to earlier documents (the directory's {@code references}) against this node's
 * store: the earlier document must exist here, belong to the same declarant, be of the named type, have the
 * required values and, where asked, have been released by the named agency. A document of another declarant is
 * reported exactly like a missing one, so nobody learns that it exists.
 */
@Component
public class ReferenceChecker {

    private static final Set<String> RELEASED = Set.of("RELEASED", "CLOSED");

    private final DeclarationMapper declarations;
    private final StatusMapper statuses;

    public ReferenceChecker(DeclarationMapper declarations, StatusMapper statuses) {
        this.declarations = declarations;
        this.statuses = statuses;
    }

    public List<Violation> check(DocumentDefinition definition, JsonNode document, String declarantUscc) {
        List<Violation> problems = new ArrayList<>();
        for (Reference reference : definition.references()) {
            List<JsonNode> values = JsonPaths.select(document, reference.field());
            if (values.isEmpty() || !values.get(0).isString() || values.get(0).asString().isEmpty()) {
                continue;
            }
            String id = values.get(0).asString();
            String path = "$." + reference.field();
            String element = definition.field(reference.field()).map(Field::elementId).orElse(null);
            DeclarationRow earlier = declarations.findById(id);
            if (earlier == null || !earlier.declarantUscc().equals(declarantUscc)) {
                problems.add(new Violation(path, "REFERENCE_NOT_FOUND", "本节点没有您的申报 " + id,
                        "no declaration " + id + " of yours at this node", element));
                continue;
            }
            JsonNode earlierDocument = Json.MAPPER.readTree(earlier.document());
            List<String> wrong = new ArrayList<>();
            if (!earlier.documentType().equals(reference.documentType())) {
                wrong.add("documentType = " + reference.documentType());
            }
            for (Map.Entry<String, String> match : reference.match().entrySet()) {
                if (!match.getValue().equals(text(earlierDocument, match.getKey()))) {
                    wrong.add(match.getKey() + " = " + match.getValue());
                }
            }
            for (String same : reference.sameAs()) {
                if (!String.valueOf(text(earlierDocument, same)).equals(String.valueOf(text(document, same)))) {
                    wrong.add(same + " = " + text(document, same));
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(new Violation(path, "REFERENCE_MISMATCH", "所引用的申报不符合要求：" + String.join("，", wrong),
                        "the referenced declaration must have " + String.join(", ", wrong), element));
            } else if (reference.releasedBy() != null && statuses.agencies(id).stream().noneMatch(a ->
                    a.agency().equals(reference.releasedBy()) && RELEASED.contains(a.status()))) {
                problems.add(new Violation(path, "NOT_RELEASED", "所引用的申报尚未被 " + reference.releasedBy()
                        + " 放行，放行后才能办理", "the referenced declaration has not been released by "
                        + reference.releasedBy() + " yet; submit again after its release", element));
            }
        }
        return problems;
    }

    private static String text(JsonNode document, String path) {
        List<JsonNode> values = JsonPaths.select(document, path);
        return values.isEmpty() || values.get(0).isNull() ? null : values.get(0).asString();
    }
}
