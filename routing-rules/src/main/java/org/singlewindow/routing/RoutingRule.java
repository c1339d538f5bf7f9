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
 * @param after         for an agency destination, the receipt of another agency the document waits for before it
 *                      goes (e.g. customs learns of a tax payment once the bank has paid); {@code null}: at once
 */
public record RoutingRule(String id, Set<DocumentType> documentTypes, Condition condition, String destination,
                          List<String> grant, After after) {

    /**
     * A follow-up: the route is taken when {@code agency} reports {@code status} for the document, and the request
     * carries that receipt.
     */
    public record After(String agency, String status) {
    }

    public RoutingRule(String id, Set<DocumentType> documentTypes, Condition condition, String destination,
                       List<String> grant) {
        this(id, documentTypes, condition, destination, grant, null);
    }

    /** Placeholder in a destination for the province bound by the condition. */
    public static final String PROVINCE_PLACEHOLDER = "{province}";

    public RoutingRule {
        documentTypes = Set.copyOf(documentTypes);
        grant = List.copyOf(grant);
    }
}
