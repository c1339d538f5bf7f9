package org.singlewindow.provincial;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.NodeRole;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.config.RoleCheck;
import org.singlewindow.routing.Destination;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.stereotype.Component;

/**
 * The provincial role as the shared kernel sees it: it dials out to central (its uplink queue, and its results queue
 * on central's broker), routes only to central and to peer provinces, and accepts only what central signed. Ministry
 * links, provinces to serve and registered clients are central's settings and stop a province from starting.
 */
@Component
@EnableConfigurationProperties(ProvincialProperties.class)
public class ProvincialRole implements NodeRoleModule {

    private final ProvincialProperties provincial;

    public ProvincialRole(ProvincialProperties provincial) {
        this.provincial = provincial;
    }

    @Override
    public NodeRole role() {
        return NodeRole.PROVINCIAL;
    }

    @Override
    public List<String> misconfigurations(NodeProperties node, Binder settings) {
        List<String> problems = new ArrayList<>();
        if (!node.code().matches("\\d{6}")) {
            problems.add("sw.code of a province must be its 6-digit code (GB/T 2260), not '" + node.code() + "'");
        }
        if (provincial.central().brokerUrl().isBlank()) {
            problems.add("sw.central.broker-url is required: a province sends and receives through central's broker");
        }
        if (RoleCheck.isSet(settings, "sw.agencies")) {
            problems.add("sw.agencies: ministry links are central's");
        }
        if (RoleCheck.isSet(settings, "sw.provinces")) {
            problems.add("sw.provinces: only central serves provinces");
        }
        for (String issuing : List.of("clients", "portals", "signing-key-file", "token-ttl", "key-rotation",
                "key-publish-ahead")) {
            if (RoleCheck.isSet(settings, "sw.identity." + issuing)) {
                problems.add("sw.identity." + issuing + ": tokens are issued, and clients registered, at central");
            }
        }
        return problems;
    }

    @Override
    public boolean mayRouteTo(Destination destination, NodeProperties node) {
        return destination.kind() == Destination.Kind.CENTRAL || destination.kind() == Destination.Kind.PEER;
    }

    /** Everything leaves through the uplink to central, copies for peer provinces too (central relays them). */
    @Override
    public String queueFor(Destination destination, QueueNames names) {
        return switch (destination.kind()) {
            case CENTRAL, PEER -> names.outCentral();
            case AGENCY, PROVINCE -> throw new IllegalArgumentException("a province sends only to central and to "
                    + "peers, not to " + destination);
        };
    }

    @Override
    public List<String> operatedQueues(NodeProperties node, QueueNames names) {
        return List.of(names.outCentral(), names.outProvince(node.code()));
    }

    /** Everything a province receives comes from central, signed by central. */
    @Override
    public String expectedSigner(Envelope envelope) {
        return "central";
    }
}
