/**
 * Status of declarations. Events (status changes, hops, agency receipts) are appended and never updated; the
 * per-agency status and the overall status are projections derived from them by
 * {@link org.singlewindow.node.status.StatusService}. After each commit that appended events,
 * {@link org.singlewindow.node.status.SseHub} pushes them to the declarant's open event streams, in order.
 */
package org.singlewindow.node.status;
