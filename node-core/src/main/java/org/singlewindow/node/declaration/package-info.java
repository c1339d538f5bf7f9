/**
 * Declarations as declarants and operators see them. On a provincial node, {@code POST /api/v1/declarations}
 * validates a document (every error at once), checks that the caller may declare for the enterprise, makes the
 * submission idempotent on declarant + client reference + content hash, and in one transaction stores the
 * declaration, its first events and the outbox messages the routing rules call for, before answering 202.
 * Reads ({@code GET /api/v1/declarations/...}, including the Server-Sent Events stream) work on both roles.
 */
package org.singlewindow.node.declaration;
