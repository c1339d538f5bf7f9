package org.singlewindow.node.operations;

import java.util.ArrayList;
import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.springframework.stereotype.Component;

/**
 * The queues a node's operators look after, each with its dead-letter queue. Central: its intake from the
 * provinces, one queue per ministry link, and the results waiting for each province it serves (a province parks
 * what it cannot apply in that queue's dead-letter queue, on central's broker). A province: its uplink queue and its
 * results queue on central's broker.
 */
@Component
public class OperatedQueues {

    private final List<String> queues;

    public OperatedQueues(NodeProperties node, QueueNames names) {
        List<String> all = new ArrayList<>();
        if (node.isCentral()) {
            all.add(names.inProvinces());
            node.agencies().keySet().stream().sorted().forEach(code -> all.add(names.agency(code)));
            node.provinces().keySet().stream().sorted().forEach(code -> all.add(names.outProvince(code)));
        } else {
            all.add(names.outCentral());
            if (!node.central().brokerUrl().isEmpty()) {
                all.add(names.outProvince(node.code()));
            }
        }
        this.queues = List.copyOf(all);
    }

    public List<String> all() {
        return queues;
    }

    public boolean contains(String queue) {
        return queues.contains(queue);
    }
}
