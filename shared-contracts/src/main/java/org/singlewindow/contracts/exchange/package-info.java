/**
 * Payloads exchanged between nodes and with ministry systems: the request an agency receives (only its granted
 * fields), the receipts agencies return (synchronously or posted later), and the dispatch notice central sends
 * the origin province once a declaration is routed.
 */
package org.singlewindow.contracts.exchange;
