package org.singlewindow.node.transport;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;

/**
 * Who may do what on a node's broker, by address (Artemis security settings: the most specific match wins, so each
 * names the node's own role too):
 * <ul>
 *   <li>{@code #}: the node itself ({@value #NODE_ROLE}), everything;</li>
 *   <li>central's {@code sw.in.provinces}: every province may send (what it sends is checked by its signature);</li>
 *   <li>central's {@code sw.out.province.<code>}: that province alone may consume and browse it, and send to it (a
 *   replay of its own parked results: every message there must carry central's signature, checked on arrival);</li>
 *   <li>central's {@code DLQ.sw.out.province.<code>}: that province alone, to park, list and replay its results.</li>
 * </ul>
 * Nothing else: a province cannot read another's results, central's intake, the ministry queues or management.
 */
public final class BrokerPermissions {

    /** The role of the node's own user. */
    public static final String NODE_ROLE = "node";

    private BrokerPermissions() {
    }

    /** The broker user of a province on central's broker. */
    public static String provinceUser(String provinceCode) {
        return "province-" + provinceCode;
    }

    /**
     * Roles by address match: the node's own user may do everything; each province the node serves
     * ({@code sw.provinces}, central only) may send to the intake and use its own results queue and that queue's
     * dead-letter queue.
     */
    public static Map<String, Set<Role>> of(NodeProperties node, QueueNames queues) {
        Map<String, Set<Role>> matches = new LinkedHashMap<>();
        matches.put("#", Set.of(everything(NODE_ROLE)));
        if (node.provinces().isEmpty()) {
            return matches;
        }
        Set<Role> intake = new LinkedHashSet<>(List.of(everything(NODE_ROLE)));
        for (String province : node.provinces().keySet()) {
            String user = provinceUser(province);
            intake.add(role(user, true, false, false));
            matches.put(queues.outProvince(province), Set.of(everything(NODE_ROLE), role(user, true, true, true)));
            matches.put(queues.deadLetter(queues.outProvince(province)),
                    Set.of(everything(NODE_ROLE), role(user, true, true, true)));
        }
        matches.put(queues.inProvinces(), Set.copyOf(intake));
        return matches;
    }

    private static Role everything(String name) {
        Role role = role(name, true, true, true);
        role.setCreateAddress(true);
        role.setDeleteAddress(true);
        role.setCreateDurableQueue(true);
        role.setDeleteDurableQueue(true);
        role.setCreateNonDurableQueue(true);
        role.setDeleteNonDurableQueue(true);
        role.setManage(true);
        role.setView(true);
        role.setEdit(true);
        return role;
    }

    private static Role role(String name, boolean send, boolean consume, boolean browse) {
        Role role = new Role();
        role.setName(name);
        role.setSend(send);
        role.setConsume(consume);
        role.setBrowse(browse);
        return role;
    }
}
