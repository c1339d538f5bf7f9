/**
 * The balancer in front of a node running as several instances (README, "Scale-out"): Spring Cloud Gateway (server
 * webmvc) routes every request to an instance that answers its health check ({@link
 * org.singlewindow.balancer.HealthyInstances}), tries a request that could not reach one on another, and answers
 * with a problem of its own when none could be reached ({@link org.singlewindow.balancer.ProxyFailures}). The
 * instances share their database and broker, so any of them can serve any request; the balancer keeps no state.
 */
package org.singlewindow.balancer;
