/**
 * Declarations as the store keeps them and declarants and operators see them: {@code DeclarationStore.receive} takes
 * a declaration in, with its first events and the outbox messages its routing calls for, in one transaction (the
 * province's submission and central's intake both use it); reads ({@code GET /api/v1/declarations/...}, including
 * the Server-Sent Events stream, search and the access matrix) work on both roles. A province's checks before
 * storing (validation, references, idempotency) are in its own module ({@code provincial.submission}).
 */
package org.singlewindow.node.declaration;
