/**
 * The federation harness, by concern: nodes started in one JVM or as processes (Federation, NodeProcess,
 * SharedFederation), signing with the test PKI's keys (TestSigners), the ministries' simulators and what they were
 * sent (Ministries), samples and standard declarations, HTTP below the client (RawHttp), a TCP proxy that can cut a
 * link, the browser, and assertions on problems, data subsets and final statuses.
 */
package org.singlewindow.federation.support;
