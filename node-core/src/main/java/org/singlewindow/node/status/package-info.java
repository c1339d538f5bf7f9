/**
 * Status of declarations. Events (status changes, hops, agency receipts) are appended and never updated; the
 * per-agency status and the overall status are projections derived from them by
 * {@link org.singlewindow.node.status.StatusService}. After each commit that appended events,
 * {@link org.singlewindow.node.status.SseHub} pushes them to the declarant's open event streams, in order; on a
 * node running as several instances, {@link org.singlewindow.node.status.ClusterEvents} tells the other instances.
 */
package org.singlewindow.node.status;
