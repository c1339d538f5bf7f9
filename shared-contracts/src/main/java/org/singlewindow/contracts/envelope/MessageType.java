package org.singlewindow.contracts.envelope;

/** What an envelope carries. Each value names its direction across the federation. */
public enum MessageType {
    /** A declarant's document, from the provincial node that took it to the central node. */
    DECLARATION,
    /** Central to the origin province: the declaration was stored and routed to these agencies. */
    DISPATCH_NOTICE,
    /** Central to one agency link: the subset of a document that agency is entitled to. */
    AGENCY_REQUEST,
    /** Central to the origin province: processing results (receipts) of one agency, recorded together. */
    AGENCY_RECEIPT,
    /** A province to a peer province, relayed by central: a copy for local services (e.g. port logistics). */
    PEER_COPY,
    /** A province to central: a declarant's amendment or cancellation of a document it submitted. */
    CHANGE_REQUEST,
    /** Central to one agency link: a change of a document the agency received. */
    AGENCY_CHANGE,
    /** Central to the origin province: where a change request stands, with the agencies' answers. */
    CHANGE_RESULT,
    /** A province to central: one piece of an attachment a document names, ahead of the document. */
    ATTACHMENT_PIECE,
    /** Central to one agency link: an attachment of a document that agency was sent. */
    AGENCY_ATTACHMENT
}
