/**
 * The node's public edge. A province's local specialty services (e.g. its port community system) are reached
 * through the node at {@code /local/{service}/**} (Spring Cloud Gateway Server MVC routes, one per
 * {@code sw.local-services.<name>}), only with a valid token, with the caller's identity relayed in
 * {@code X-SW-*} headers (any such headers the caller sent are dropped first). Every response carries a request id
 * ({@code X-Request-Id}, also in the logging context) and security headers. Each client is held to its rate
 * (a token bucket per client; 429 with {@code Retry-After} beyond it).
 */
package org.singlewindow.node.edge;
