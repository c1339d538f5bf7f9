package org.singlewindow.node.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Checks at start-up that the node is one role, whole: exactly one role module on the classpath of the assembly
 * that started, {@code sw.role} naming that module's role, and no setting of the other role (a central node with an
 * uplink to a central broker, a province with ministry links or provinces to serve). A failed check stops the node
 * with every problem listed.
 */
@Component
public class RoleCheck {

    private final NodeRoleModule module;

    public RoleCheck(List<NodeRoleModule> modules, NodeProperties node) {
        List<String> problems = problems(modules, node);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("this node cannot start as configured: " + String.join("; ", problems));
        }
        this.module = modules.get(0);
    }

    /** Everything wrong with the role's assembly and configuration; empty when the node may start. */
    public static List<String> problems(List<NodeRoleModule> modules, NodeProperties node) {
        List<String> problems = new ArrayList<>();
        if (modules.size() != 1) {
            problems.add("a node runs exactly one role module, found " + modules.stream()
                    .map(m -> m.role().name()).toList() + " (start CentralNodeApplication or ProvincialNodeApplication)");
            return problems;
        }
        NodeRoleModule module = modules.get(0);
        if (node.role() != module.role()) {
            problems.add("sw.role=" + node.role() + " but this is the " + module.role() + " node's assembly");
        }
        problems.addAll(module.misconfigurations(node));
        return problems;
    }

    /** The node's role module. */
    public NodeRoleModule module() {
        return module;
    }
}
