/**
 * Operations of a node, for its operators: the health of each link and the backlog of each queue it consumes, and
 * the dead-letter queues where it parks what cannot succeed (with the reason), to list, replay to the queue they
 * came from, or discard with a reason. Every replay and discard goes into the audit log.
 */
package org.singlewindow.node.operations;
