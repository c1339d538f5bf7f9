package org.singlewindow.international;

import org.singlewindow.node.signature.AgencySignatures;

/**
 * The link to GACC for certificates partner windows send (an eCO, an ePhyto): hands one over as a document of its own
 * and returns GACC's result at once. Called outside any transaction, again with the same message id after a failure.
 */
interface ForeignCertificateLink {

    /** GACC's answer: ACCEPTED or REJECTED, with its message and GACC's signature of it (null where not required). */
    record Result(String status, String message, AgencySignatures.Signed signed) {
    }

    Result handOver(As4MessageRow received);
}
