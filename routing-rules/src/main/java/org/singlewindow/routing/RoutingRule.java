package org.singlewindow.routing;

import java.util.List;
import java.util.Set;

import org.singlewindow.contracts.document.DocumentType;

/**
 * One rule of a rule file.
 *
 * @param id            unique within the file; it names the rule in logs, timelines and errors
 * @param documentTypes the document types it applies to
 * @param condition     when it applies
 * @param destination   where the document goes: {@code central}, {@code agency:<CODE>}, {@code peer:<code>} or
 *                      {@code peer:{province}} (the province bound by an {@code otherProvince} condition)
 * @param grant         paths of the fields the destination receives; {@code *} grants the whole document; empty
 *                      for an agency destination means the agency's data subset from the data element directory
 */
public record RoutingRule(String id, Set<DocumentType> documentTypes, Condition condition, String destination,
                          List<String> grant) {

    /** Placeholder in a destination for the province bound by the condition. */
    public static final String PROVINCE_PLACEHOLDER = "{province}";

    public RoutingRule {
        documentTypes = Set.copyOf(documentTypes);
        grant = List.copyOf(grant);
    }
}
