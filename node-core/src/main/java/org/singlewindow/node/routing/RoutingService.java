package org.singlewindow.node.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.routing.CustomsDistricts;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.RuleMatch;
import org.singlewindow.routing.RuleMatcher;
import org.singlewindow.routing.RoutingRule;
import org.singlewindow.routing.RuleSet;
import org.singlewindow.routing.RuleSetException;
import org.singlewindow.routing.RuleSetLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The node's rule set and matcher, loaded once at start-up. A route to an agency carries that agency's data
 * subset from the data element directory unless its rule grants less; a rule that would give an agency a
 * document type it is not entitled to, or a field outside its subset, stops the node from starting.
 */
@Service
public class RoutingService {

    private final RuleMatcher matcher;
    private final String nodeCode;
    private final Directory directory = Directory.standard();

    public RoutingService(NodeProperties node, ResourceLoader resources, NodeRoleModule role) {
        Resource resource = resources.getResource(node.rules());
        RuleSet rules;
        try (InputStream in = resource.exists() ? resource.getInputStream() : null) {
            rules = RuleSetLoader.load(in, node.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing rules " + node.rules(), e);
        }
        checkDestinations(rules, node, role);
        checkSubsets(rules, directory);
        this.matcher = new RuleMatcher(rules, CustomsDistricts.bundled());
        this.nodeCode = node.code();
    }

    /** Routes for a document submitted at or received by this node. */
    public List<RuleMatch> matches(DocumentType type, JsonNode document) {
        return matcher.match(type, document, nodeCode).stream().map(route -> route.grant().isEmpty()
                ? new RuleMatch(route.ruleId(), route.destination(),
                directory.subset(AgencyCode.valueOf(route.destination().code()), type), route.after()) : route).toList();
    }

    private static void checkSubsets(RuleSet rules, Directory directory) {
        List<String> problems = new ArrayList<>();
        for (RoutingRule rule : rules.rules()) {
            if (!rule.destination().startsWith("agency:")) {
                continue;
            }
            AgencyCode agency = AgencyCode.valueOf(Destination.parse(rule.destination()).code());
            for (DocumentType type : rule.documentTypes()) {
                List<String> subset = directory.subset(agency, type);
                if (subset.isEmpty()) {
                    problems.add("rule " + rule.id() + ": " + agency + " is not entitled to " + type
                            + " documents (agency-subsets.yaml)");
                }
                for (String path : rule.grant()) {
                    if (!subset.contains("*") && subset.stream().noneMatch(s -> path.equals(s) || path.startsWith(s + ".")
                            || path.startsWith(s + "[]."))) {
                        problems.add("rule " + rule.id() + ": grants " + path + " of " + type + " to " + agency
                                + ", outside its data subset");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(rules.source() + ": " + String.join("; ", problems));
        }
    }

    private static void checkDestinations(RuleSet rules, NodeProperties node, NodeRoleModule role) {
        for (RoutingRule rule : rules.rules()) {
            String to = rule.destination().replace(RoutingRule.PROVINCE_PLACEHOLDER, "000000");
            Destination destination = Destination.parse(to);
            if (!role.mayRouteTo(destination, node)) {
                throw new RuleSetException(rules.source() + ": rule " + rule.id() + " sends to '" + rule.destination()
                        + "', which a " + role.role() + " node cannot reach"
                        + (destination.kind() == Destination.Kind.AGENCY ? " (no sw.agencies." + destination.code()
                        + " link configured)" : ""));
            }
        }
    }
}
