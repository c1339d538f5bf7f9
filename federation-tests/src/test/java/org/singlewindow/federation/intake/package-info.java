/**
 * What a declarant sends and gets back: every document type to exactly its agencies, XML intake, signed documents,
 * bad and hostile input on every operation, queries and statistics.
 */
package org.singlewindow.federation.intake;
