/**
 * The federation end to end: central and provinces as real nodes (in one JVM with contexts of their own, or as
 * processes of their own), each with its own Artemis broker and database, one WireMock per ministry. Tests by
 * feature: {@code intake} (what a declarant sends and gets back), {@code agencies} (receipts and the outbox to the
 * ministries), {@code identity} (login, tokens, delegations, broker users, the edge, audit), {@code resilience}
 * (outages, crashes, scale-out, Kubernetes manifests), {@code international} (AS4), {@code portal} (the browser
 * portal, API documents, the configuration reference); the harness in {@code support}. Classes tagged
 * {@code heavy} (separate JVMs, a browser, scale-out) can be left out: {@code mvn -B verify -DexcludedGroups=heavy}.
 */
package org.singlewindow.federation;
