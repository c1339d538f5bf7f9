package org.singlewindow.node.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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

    public RoleCheck(List<NodeRoleModule> modules, NodeProperties node, Environment environment) {
        List<String> problems = problems(modules, node, Binder.get(environment));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("this node cannot start as configured: " + String.join("; ", problems));
        }
        this.module = modules.get(0);
    }

    /** Everything wrong with the role's assembly and configuration; empty when the node may start. */
    public static List<String> problems(List<NodeRoleModule> modules, NodeProperties node, Binder settings) {
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
        problems.addAll(module.misconfigurations(node, settings));
        return problems;
    }

    /** Whether anything is set under {@code name} (a value, or any key below it). */
    public static boolean isSet(Binder settings, String name) {
        if (settings.bind(name, String.class).isBound()) {
            return true;
        }
        try {
            return settings.bind(name, Bindable.mapOf(String.class, Object.class)).isBound();
        } catch (BindException e) {
            return true;
        }
    }

    /** The node's role module. */
    public NodeRoleModule module() {
        return module;
    }
}
