package org.singlewindow.central;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
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
 * The central role as the shared kernel sees it: it routes only to the ministry links it has, looks after its
 * intake, one queue per ministry link and the results waiting for each province, and accepts from each province
 * only what that province signed and speaks for.
 */
@Component
@EnableConfigurationProperties(CentralProperties.class)
public class CentralRole implements NodeRoleModule {

    private final CentralProperties central;

    public CentralRole(CentralProperties central) {
        this.central = central;
    }

    @Override
    public NodeRole role() {
        return NodeRole.CENTRAL;
    }

    @Override
    public List<String> misconfigurations(NodeProperties node, Binder settings) {
        List<String> problems = new ArrayList<>();
        if (RoleCheck.isSet(settings, "sw.central")) {
            problems.add("sw.central is a province's link to central; central has none");
        }
        if (RoleCheck.isSet(settings, "sw.portal")) {
            problems.add("sw.portal is a province's portal login through central; central has none");
        }
        if (!"central".equals(node.code())) {
            problems.add("sw.code of the central node must be 'central', not '" + node.code() + "'");
        }
        return problems;
    }

    @Override
    public boolean mayRouteTo(Destination destination, NodeProperties node) {
        return destination.kind() == Destination.Kind.AGENCY && central.agencies().containsKey(destination.code());
    }

    /** An agency's link queue; a province's results queue, for its own results and for peers' copies. */
    @Override
    public String queueFor(Destination destination, QueueNames names) {
        return switch (destination.kind()) {
            case AGENCY -> names.agency(destination.code());
            case PROVINCE, PEER -> names.outProvince(destination.code());
            case CENTRAL -> throw new IllegalArgumentException("central does not send to itself");
        };
    }

    @Override
    public List<String> operatedQueues(NodeProperties node, QueueNames names) {
        List<String> all = new ArrayList<>();
        all.add(names.inProvinces());
        central.agencies().keySet().stream().sorted().forEach(code -> all.add(names.agency(code)));
        central.provinces().keySet().stream().sorted().forEach(code -> all.add(names.outProvince(code)));
        return all;
    }

    /**
     * The sending province, which must also be the province a declaration or a peer copy speaks for (a province may
     * not submit in another's name).
     */
    @Override
    public String expectedSigner(Envelope envelope) {
        boolean speaksForProvince = envelope.messageType() == MessageType.DECLARATION
                || envelope.messageType() == MessageType.PEER_COPY;
        if (speaksForProvince && !envelope.sender().equals(envelope.originProvince())) {
            throw new IllegalArgumentException("sent by " + envelope.sender() + " but speaks for province "
                    + envelope.originProvince());
        }
        return envelope.sender();
    }
}
