/**
 * Applies the node's routing rules. The rule file named by {@code sw.rules} is loaded and validated at start-up
 * (a broken file, or a rule naming an agency this node has no link to, stops the node with a message naming the
 * problem). Provincial rules send a declaration to {@code central} and copies to {@code peer:<code>}; central's
 * rules fan it out to {@code agency:<CODE>} links, each with only the fields its rule grants.
 */
package org.singlewindow.node.routing;
