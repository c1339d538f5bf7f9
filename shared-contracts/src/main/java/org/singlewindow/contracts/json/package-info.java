/**
 * JSON conventions every node shares: one configured mapper (decimals stay exact, times are ISO-8601) and a
 * canonical form (sorted keys, normalized numbers) whose hash identifies a document's content independently of
 * formatting.
 */
package org.singlewindow.contracts.json;
