/**
 * Nothing lost: outages of ministries, databases and nodes, real processes killed, central as two instances, and
 * the Kubernetes manifests.
 */
package org.singlewindow.federation.resilience;
