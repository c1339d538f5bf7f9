/**
 * Node configuration: the one {@code sw.*} properties class (role, node code, broker, central link, outbox,
 * redelivery, agencies, identity) with defaults; {@link org.singlewindow.node.config.QueueNames}, the single place
 * every queue and dead-letter name is derived from; and the role seam: a role's module answers the kernel's few
 * role questions ({@link org.singlewindow.node.config.NodeRoleModule}) and
 * {@link org.singlewindow.node.config.RoleCheck} stops a node whose {@code sw.role}, assembly or settings disagree.
 */
package org.singlewindow.node.config;
