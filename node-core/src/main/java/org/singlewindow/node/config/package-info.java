/**
 * Node configuration: the kernel's {@code sw.*} properties (role, node code, broker, outbox, redelivery, intake,
 * token validation; each role module binds its own besides) with defaults;
 * {@link org.singlewindow.node.config.QueueNames}, the single place every queue and dead-letter name is derived from;
 * and the role seam: a role's module answers the kernel's few role questions
 * ({@link org.singlewindow.node.config.NodeRoleModule}) and {@link org.singlewindow.node.config.RoleCheck} stops a
 * node whose {@code sw.role}, assembly or settings disagree, the other role's settings included.
 */
package org.singlewindow.node.config;
