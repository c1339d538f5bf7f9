/**
 * Unified identity, minimal but real. The central node issues OAuth2 client-credentials JWTs at
 * {@code POST /oauth2/token} (Spring Authorization Server); each token carries the client's roles and, for a
 * declarant, the enterprise (USCC) it is bound to, or, for an agency, the agency it speaks for. Every node
 * validates tokens with central's public keys, cached so that a node keeps working while central is down
 * ("register once, use nationwide"). Agency systems may also authenticate with HTTP Basic using their client
 * credentials (for receipt callbacks that cannot fetch tokens).
 */
package org.singlewindow.node.identity;
