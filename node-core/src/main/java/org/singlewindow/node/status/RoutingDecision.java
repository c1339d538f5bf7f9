package org.singlewindow.node.status;

import java.util.List;

import org.singlewindow.contracts.json.Json;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.RuleMatch;
import org.singlewindow.routing.RoutingRule;
import tools.jackson.core.type.TypeReference;

/**
 * Why a declaration went to an agency, as decided when it was routed and kept with the agency's row: the rule, the
 * fields it granted (null where only the rule's name is known, e.g. at a province, or for rows routed before
 * decisions were kept) and, for a follow-up, the agency and status it waits for.
 */
public record RoutingDecision(String ruleId, List<String> grant, String afterAgency, String afterStatus) {

    private static final TypeReference<List<String>> PATHS = new TypeReference<>() {
    };

    public RoutingDecision {
        grant = grant == null ? null : List.copyOf(grant);
    }

    /** The decision a route to an agency stands for. */
    public static RoutingDecision of(RuleMatch route) {
        return new RoutingDecision(route.ruleId(), route.grant(), route.followUp() ? route.after().agency() : null,
                route.followUp() ? route.after().status() : null);
    }

    /** A decision known only by its rule's name (a province learns no more from central's dispatch notice). */
    public static RoutingDecision named(String ruleId) {
        return new RoutingDecision(ruleId, null, null, null);
    }

    /** Whether the agency gets the declaration only after another agency's receipt. */
    public boolean followUp() {
        return afterAgency != null;
    }

    /** The route to {@code agency} as it was decided. */
    public RuleMatch route(String agency) {
        return new RuleMatch(ruleId, Destination.agency(agency), grant,
                followUp() ? new RoutingRule.After(afterAgency, afterStatus) : null);
    }

    /** The grant as stored ({@code granted} column): a JSON array, or null. */
    String grantJson() {
        return grant == null ? null : Json.MAPPER.writeValueAsString(grant);
    }

    static List<String> grantOf(String json) {
        return json == null ? null : Json.MAPPER.readValue(json, PATHS);
    }
}
