package org.singlewindow.node.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.singlewindow.node.config.QueueNames;

/**
 * Who may do what on a node's broker, by address (Artemis security settings: the most specific match wins): the node
 * itself ({@value #NODE_ROLE}) everything on {@code #}, and whatever its role module's {@link BrokerGuests} add
 * (central: each province its intake, its own results queue and that queue's dead-letter queue). Nothing else.
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

    /** Roles by address match: the node's own user everything, and the guests' settings. */
    public static Map<String, Set<Role>> of(List<BrokerGuests> guests, QueueNames queues) {
        Map<String, Set<Role>> matches = new LinkedHashMap<>();
        matches.put("#", Set.of(everything(NODE_ROLE)));
        guests.forEach(g -> matches.putAll(g.permissions(queues)));
        return matches;
    }

    /** A role that may do everything, management included (the node's own). */
    public static Role everything(String name) {
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

    /** A role that may send, consume and browse as given, and nothing else. */
    public static Role role(String name, boolean send, boolean consume, boolean browse) {
        Role role = new Role();
        role.setName(name);
        role.setSend(send);
        role.setConsume(consume);
        role.setBrowse(browse);
        return role;
    }
}
