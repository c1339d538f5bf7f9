/**
 * Operations of a node, for its operators: the health of each link and the backlog of each queue it consumes, and
 * the dead-letter queues where it parks what cannot succeed (with the reason), to list, replay to the queue they
 * came from, or discard with a reason. Every replay and discard goes into the audit log. The work the node has done
 * (transactions committed, broker messages) is counted for the benchmark ({@link
 * org.singlewindow.node.operations.WorkCounters}).
 */
package org.singlewindow.node.operations;
