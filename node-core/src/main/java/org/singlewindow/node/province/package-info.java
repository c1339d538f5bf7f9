/**
 * What a provincial node does with what central sends back: the dispatch notice (declaration stored and
 * routed; agencies start PENDING), agency receipts (the declarant's status and event stream move on), and
 * copies peer provinces addressed to this one (notices for local services such as port logistics, readable by
 * node operators at {@code GET /api/v1/peer-copies}).
 */
package org.singlewindow.node.province;
