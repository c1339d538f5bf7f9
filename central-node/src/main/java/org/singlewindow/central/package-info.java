/**
 * The central node (China E-Port, 总对总): {@link org.singlewindow.central.CentralNodeApplication} assembles the shared
 * kernel ({@code node-core}) with central's own flows, one package each: {@code intake} (declarations from the
 * provinces), {@code agency} (ministry links, receipts, asking again), {@code relay} (peer copies between provinces),
 * {@code identity} (the authorization server and its keys), {@code enterprise} (unified registration) and
 * {@code delegation}. {@link org.singlewindow.central.CentralRole} tells the kernel what central routes to, looks
 * after and accepts; configuration is {@code central-node*.yml} and the rules {@code rules/central-routing-rules.yaml}.
 */
package org.singlewindow.central;
