/**
 * Documents at rest: every column holding a document or a message body ({@code declaration.payload},
 * {@code outbox.body}, {@code peer_copy.payload}) is sealed with SM4-GCM under the node key configured in
 * {@code sw.at-rest} ({@link org.singlewindow.node.atrest.AtRestProperties}), by one MyBatis type handler, so no
 * service ever sees or forgets the encryption. Keys rotate by id: the current key seals, every listed key opens.
 */
package org.singlewindow.node.atrest;
