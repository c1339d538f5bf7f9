package org.singlewindow.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.JsonNode;

/**
 * Turns a document into routes. Pure: same inputs, same routes, in rule-file order. When several rules send the
 * document to the same destination, the first rule wins and its grant applies (a later, broader rule never
 * widens what an earlier one granted).
 */
public final class RuleMatcher {

    private final RuleSet rules;
    private final CustomsDistricts districts;

    public RuleMatcher(RuleSet rules, CustomsDistricts districts) {
        this.rules = rules;
        this.districts = districts;
    }

    /**
     * @param type         the document's type
     * @param document     the document
     * @param nodeProvince province code of the node evaluating the rules ({@code central} on the central node)
     */
    public List<RuleMatch> match(DocumentType type, JsonNode document, String nodeProvince) {
        Map<Destination, RuleMatch> routes = new LinkedHashMap<>();
        for (RoutingRule rule : rules.rules()) {
            if (!rule.documentTypes().contains(type)) {
                continue;
            }
            Optional<String> bound = rule.condition().test(document, nodeProvince, districts);
            if (bound.isEmpty()) {
                continue;
            }
            Destination destination = Destination.parse(
                    rule.destination().replace(RoutingRule.PROVINCE_PLACEHOLDER, bound.get()));
            routes.putIfAbsent(destination, new RuleMatch(rule.id(), destination, rule.grant(), rule.after()));
        }
        return new ArrayList<>(routes.values());
    }
}
