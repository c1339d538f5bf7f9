/**
 * The gateway in front of a node running as several instances (README, "Scale-out"): Spring Cloud Gateway (server
 * webmvc) routes every request to an instance that answers its health check ({@link
 * org.singlewindow.gateway.HealthyInstances}), tries a request that could not reach one on another, and answers
 * with a problem of its own when none could be reached ({@link org.singlewindow.gateway.ProxyFailures}). The
 * instances share their database and broker, so any of them can serve any request; the gateway keeps no state.
 */
package org.singlewindow.gateway;
