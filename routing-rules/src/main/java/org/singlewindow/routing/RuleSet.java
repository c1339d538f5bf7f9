package org.singlewindow.routing;

import java.util.List;

/**
 * A validated rule file.
 *
 * @param source where it was read from (for messages)
 * @param rules  its rules, in file order
 */
public record RuleSet(String source, List<RoutingRule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }
}
