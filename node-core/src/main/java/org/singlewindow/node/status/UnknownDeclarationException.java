package org.singlewindow.node.status;

import org.singlewindow.node.refusal.PermanentFailure;

/** A status change for a declaration this node does not hold: no retry can make it succeed. */
public class UnknownDeclarationException extends PermanentFailure {

    public UnknownDeclarationException(String declarationId) {
        super("UNKNOWN_DECLARATION", "this node holds no declaration " + declarationId);
    }
}
