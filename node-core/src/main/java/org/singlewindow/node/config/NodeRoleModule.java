package org.singlewindow.node.config;

import java.util.List;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.routing.Destination;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * What a role's module ({@code central-node} or {@code provincial-node}) answers when the shared kernel asks about
 * the role. Exactly one bean per node; {@link RoleCheck} refuses to start a node whose {@code sw.role} names another
 * role or whose configuration belongs to the other role. The kernel never asks which role it runs in.
 */
public interface NodeRoleModule {

    /** The role this module assembles. */
    NodeRole role();

    /**
     * Settings that do not belong to this role (the other role's, read from {@code settings} since this role does
     * not bind them) or that this role lacks, each as a message naming the property; empty when none.
     */
    List<String> misconfigurations(NodeProperties node, Binder settings);

    /** Whether this node's routing rules may send to {@code destination}. */
    boolean mayRouteTo(Destination destination, NodeProperties node);

    /**
     * The queue on which this node sends to {@code destination}: a province sends everything to central; central
     * sends to each agency's link and to each province's results queue.
     *
     * @throws IllegalArgumentException when this node never sends there
     */
    String queueFor(Destination destination, QueueNames names);

    /** The queues this node's operators look after, each with its dead-letter queue, in display order. */
    List<String> operatedQueues(NodeProperties node, QueueNames names);

    /**
     * The node that must have signed an inbound envelope (its code).
     *
     * @throws IllegalArgumentException when the envelope cannot be accepted from any signer (e.g. a province speaking
     *                                  for another province); the message says why
     */
    String expectedSigner(Envelope envelope);
}
