/**
 * Retention: what only grows (the inbox's message ids, peer copies, used request nonces) is pruned by age, in small
 * batches, by {@code sw.retention} settings; business records and the audit log are kept.
 */
package org.singlewindow.node.retention;
