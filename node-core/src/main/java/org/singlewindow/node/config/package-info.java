/**
 * Node configuration: the one {@code sw.*} properties class (role, node code, broker, central link, outbox,
 * redelivery, agencies, identity) with defaults, and {@link org.singlewindow.node.config.QueueNames}, the single
 * place every queue and dead-letter name is derived from. Central and provincial nodes run the same code and
 * differ only in these values.
 */
package org.singlewindow.node.config;
