/**
 * A province takes its declarants' amendments and cancellations (修改申请, 撤销申请): {@link
 * org.singlewindow.provincial.change.ChangeRequestController} checks each request (a party to the document, a
 * known reason, the document open to that change, identity fields unchanged, the declarant's signature) and
 * {@link org.singlewindow.provincial.change.ChangeIntake} opens it and sends it to central, or, for a cancellation
 * of a document not yet handed to the link up to central, puts it in effect at once (the uplink then drops the
 * document, {@link org.singlewindow.provincial.uplink.UplinkGate}). {@link
 * org.singlewindow.provincial.change.ChangeResultHandler} applies what central reports back.
 */
package org.singlewindow.provincial.change;
