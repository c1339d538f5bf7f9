package org.singlewindow.node.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.routing.CustomsDistricts;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.Route;
import org.singlewindow.routing.RouteMatcher;
import org.singlewindow.routing.RoutingRule;
import org.singlewindow.routing.RuleSet;
import org.singlewindow.routing.RuleSetException;
import org.singlewindow.routing.RuleSetLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The node's rule set and matcher, loaded once at start-up. */
@Service
public class RoutingService {

    private final RouteMatcher matcher;
    private final String nodeCode;

    public RoutingService(NodeProperties node, ResourceLoader resources) {
        Resource resource = resources.getResource(node.rules());
        RuleSet rules;
        try (InputStream in = resource.exists() ? resource.getInputStream() : null) {
            rules = RuleSetLoader.load(in, node.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing rules " + node.rules(), e);
        }
        checkDestinations(rules, node);
        this.matcher = new RouteMatcher(rules, CustomsDistricts.bundled());
        this.nodeCode = node.code();
    }

    /** Routes for a document submitted at or received by this node. */
    public List<Route> routes(DocumentType type, JsonNode document) {
        return matcher.match(type, document, nodeCode);
    }

    private static void checkDestinations(RuleSet rules, NodeProperties node) {
        for (RoutingRule rule : rules.rules()) {
            String to = rule.destination().replace(RoutingRule.PROVINCE_PLACEHOLDER, "000000");
            Destination destination = Destination.parse(to);
            boolean ok = switch (destination.kind()) {
                case AGENCY -> node.isCentral() && node.agencies().containsKey(destination.code());
                case CENTRAL, PEER -> !node.isCentral();
            };
            if (!ok) {
                throw new RuleSetException(rules.source() + ": rule " + rule.id() + " sends to '" + rule.destination()
                        + "', which a " + node.role() + " node cannot reach"
                        + (destination.kind() == Destination.Kind.AGENCY ? " (no sw.agencies." + destination.code()
                        + " link configured)" : ""));
            }
        }
    }
}
