package org.singlewindow.node.transport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.singlewindow.node.config.QueueNames;

/**
 * Users other than the node itself on its embedded broker, as a role module admits them (central: each province it
 * serves), with what they may do and the queues they use, made at start since no guest may create one.
 */
public interface BrokerGuests {

    /** Each guest's broker user name and password. */
    Map<String, String> users();

    /**
     * Security settings by address match for the guests; each also names the node's own role
     * ({@link BrokerPermissions#everything}), the most specific match being the only one that counts.
     */
    Map<String, Set<Role>> permissions(QueueNames queues);

    /** The queues the guests use. */
    List<String> queues(QueueNames queues);
}
