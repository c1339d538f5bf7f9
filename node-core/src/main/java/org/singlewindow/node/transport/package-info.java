/**
 * Inter-node transport over Artemis. Each node runs its own broker; Camel routes move envelopes between them:
 * a provincial node's uplink forwards {@code sw.out.central} to central's {@code sw.in.provinces} and pulls its
 * results from central's {@code sw.out.province.<code>} (provinces dial out; central never dials in). Delivery is
 * at-least-once with two dedupe layers: Artemis duplicate detection on the envelope's message id, and the
 * {@link org.singlewindow.node.transport.Inbox}, an idempotent consumer backed by the database whose record
 * commits with the business change. What can never succeed is parked at once in a dead-letter queue with the reason;
 * what a wait cures is retried without limit ({@link org.singlewindow.node.transport.ErrorPolicy}). Every broker
 * requires authentication ({@link org.singlewindow.node.transport.BrokerSecurity}); other users are the role's
 * ({@link org.singlewindow.node.transport.BrokerGuests}: on central, each province may only write its intake and read
 * its own results).
 */
package org.singlewindow.node.transport;
