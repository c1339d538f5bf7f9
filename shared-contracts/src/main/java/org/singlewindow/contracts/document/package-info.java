/**
 * The vocabulary shared by every node: document types, the agencies (port authorities) a document can be routed
 * to, the per-agency processing statuses and the overall status a declarant sees. Enums only, each value
 * commented; the rules that derive one status from many receipts live with the statuses themselves.
 */
package org.singlewindow.contracts.document;
