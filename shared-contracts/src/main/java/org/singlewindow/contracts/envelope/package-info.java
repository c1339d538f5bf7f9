/**
 * The message envelope every node puts around what it sends to another node or to a ministry link: stable
 * message id (also the broker's duplicate-detection id and the ministries' idempotency key), the declaration it
 * belongs to, message and document type, sender, receiver, origin province, creation time, the trail of hops it
 * took, a schema version and the payload. Envelopes are immutable records; a node that forwards an envelope
 * appends a hop and keeps the message id.
 */
package org.singlewindow.contracts.envelope;
