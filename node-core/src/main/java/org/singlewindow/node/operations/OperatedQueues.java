package org.singlewindow.node.operations;

import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.config.QueueNames;
import org.springframework.stereotype.Component;

/**
 * The queues a node's operators look after, each with its dead-letter queue, as the role's module lists them
 * ({@link NodeRoleModule#operatedQueues}).
 */
@Component
public class OperatedQueues {

    private final List<String> queues;

    public OperatedQueues(NodeProperties node, QueueNames names, NodeRoleModule role) {
        this.queues = List.copyOf(role.operatedQueues(node, names));
    }

    public List<String> all() {
        return queues;
    }

    public boolean contains(String queue) {
        return queues.contains(queue);
    }
}
