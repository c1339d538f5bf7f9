/**
 * Transactional outbox: a service that must send a message writes it to the {@code outbox} table in the same
 * database transaction as its business change; the {@link org.singlewindow.node.outbox.OutboxRelay} then
 * publishes rows to the node's broker (with the message id as Artemis duplicate-detection id), each batch signed
 * with one signature, and deletes them.
 * A crash between commit and send leaves the row for the next relay pass; a crash between send and delete
 * resends a message the broker recognizes as a duplicate. No dual-write gap.
 */
package org.singlewindow.node.outbox;
