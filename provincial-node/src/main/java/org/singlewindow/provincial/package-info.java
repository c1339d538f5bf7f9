/**
 * A provincial node (中国（XX）国际贸易单一窗口): {@link org.singlewindow.provincial.ProvincialNodeApplication} assembles
 * the shared kernel ({@code node-core}) with the province's own flows, one package each: {@code submission} (the
 * declarants' API), {@code uplink} (the link to central's broker), {@code results} (what central sends back),
 * {@code peer} (copies from peer provinces) and {@code portal} (login through central). {@link
 * org.singlewindow.provincial.ProvincialRole} tells the kernel what a province routes to, looks after and accepts;
 * the province is chosen by configuration ({@code --sw.code=310000}).
 */
package org.singlewindow.provincial;
