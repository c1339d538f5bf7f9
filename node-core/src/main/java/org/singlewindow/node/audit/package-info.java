/**
 * The node's audit log: append-only, SM3 hash-chained records of submissions, receipts and logins, written in the
 * same transaction as the change they record ({@link org.singlewindow.node.audit.AuditLog}). Operators check it
 * with {@code GET /api/v1/audit/verify} on a running node, or {@code deploy/audit-verify.sh} against the database.
 * Records carry ids and codes, never personal data, documents or keys.
 */
package org.singlewindow.node.audit;
