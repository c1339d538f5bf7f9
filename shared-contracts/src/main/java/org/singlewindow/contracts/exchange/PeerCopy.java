package org.singlewindow.contracts.exchange;

import tools.jackson.databind.JsonNode;

/**
 * A copy of a declaration for a peer province, cut down to the fields the rule grants.
 *
 * @param ruleId   the rule that sent it
 * @param document the granted fields
 */
public record PeerCopy(String ruleId, JsonNode document) {
}
