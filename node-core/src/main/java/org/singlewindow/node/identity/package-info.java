/**
 * Unified identity. The central node issues JWTs (Spring Authorization Server): to API clients with client
 * credentials at {@code POST /oauth2/token}, and to portal users who log in at a provincial node through central
 * (OpenID Connect, authorization code with PKCE; {@link org.singlewindow.node.identity.PortalLoginConfiguration}).
 * Each token carries the caller's roles and, as they apply, its enterprise (USCC) and that enterprise's registered
 * certificate, its agency, its province. Every node validates tokens with central's public keys, cached so that a
 * node keeps working while central is down ("register once, use nationwide"). Agency systems may also
 * authenticate with HTTP Basic using their client credentials (for receipt callbacks that cannot fetch tokens).
 * Central's signing keys ({@link org.singlewindow.node.identity.SigningKeys}) and authorizations live in the database,
 * and with {@code sw.cluster.enabled} login sessions too ({@link org.singlewindow.node.identity.ClusterSessions}), so
 * that any instance serves any request.
 */
package org.singlewindow.node.identity;
