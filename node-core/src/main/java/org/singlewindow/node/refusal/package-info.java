/**
 * The nodes' one refusal vocabulary, free of HTTP and of messaging: a {@link org.singlewindow.node.refusal.Refusal}
 * (a kind, a code and bilingual text naming the offending fields) for what a request or a message is refused for,
 * and {@link org.singlewindow.node.refusal.PermanentFailure} / {@link org.singlewindow.node.refusal.TransientFailure}
 * for a message that can never succeed or must wait. The web layer maps them to problem+json, the transport to a
 * retry or a dead letter; both depend on this package, and it depends on neither.
 */
package org.singlewindow.node.refusal;
