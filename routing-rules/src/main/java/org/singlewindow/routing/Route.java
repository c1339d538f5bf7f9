package org.singlewindow.routing;

import java.util.List;

/**
 * The outcome of matching one rule against one document.
 *
 * @param ruleId      the rule that produced it
 * @param destination where the document goes
 * @param grant       the fields the destination is entitled to
 */
public record Route(String ruleId, Destination destination, List<String> grant) {
}
