/**
 * The federation harness: nodes started in one JVM or as processes (Federation, NodeProcess, SharedFederation),
 * samples and standard declarations, HTTP below the client (RawHttp), a TCP proxy that can cut a link, the browser,
 * and assertions on problems, data subsets and final statuses.
 */
package org.singlewindow.federation.support;
