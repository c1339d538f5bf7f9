/**
 * Copies peer provinces addressed to this one (a declaration whose port is here, cut to the fields local services
 * such as port logistics need): kept sealed, readable by node operators at {@code GET /api/v1/peer-copies}, pruned
 * after {@code sw.retention.peer-copies}.
 */
package org.singlewindow.provincial.peer;
