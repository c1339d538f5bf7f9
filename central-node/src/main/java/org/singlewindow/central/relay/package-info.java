/**
 * Peer exchange between provinces: provinces only dial central, so a copy one province addresses to another
 * ({@code peer:<code>}) arrives in central's intake and is relayed to that province's results queue unchanged.
 */
package org.singlewindow.central.relay;
