package org.singlewindow.routing;

import java.util.List;

/**
 * The outcome of matching one rule against one document.
 *
 * @param ruleId      the rule that produced it
 * @param destination where the document goes
 * @param grant       the fields the destination is entitled to
 * @param after       for a follow-up, the receipt it waits for; {@code null} when it goes at once
 */
public record RuleMatch(String ruleId, Destination destination, List<String> grant, RoutingRule.After after) {

    public RuleMatch(String ruleId, Destination destination, List<String> grant) {
        this(ruleId, destination, grant, null);
    }

    /** Whether the document goes to this destination only after another agency's receipt. */
    public boolean followUp() {
        return after != null;
    }
}
