/**
 * The province's only link to the federation: connections to central's broker ({@code sw.central.broker-url}, as
 * broker user {@code province-<code>}) and the route that moves {@code sw.out.central} from the province's own
 * broker to central's intake. Provinces dial out; central never reaches into a province.
 */
package org.singlewindow.provincial.uplink;
