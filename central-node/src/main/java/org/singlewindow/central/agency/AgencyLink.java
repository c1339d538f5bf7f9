package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyAttachment;
import org.singlewindow.contracts.exchange.AgencyChange;
import org.singlewindow.contracts.exchange.AgencyRequest;

/**
 * One ministry link: delivers a request to one agency's system and returns what the agency answered at once.
 * {@link AgencyLinks} finds the link of each configured agency ({@code sw.agencies.<CODE>}) by its code: a bean of
 * this type for that code if there is one (a message queue, another protocol), else the HTTP link every agency
 * starts with ({@link AgencyHttp}).
 */
public interface AgencyLink {

    /** The agency served (its code, e.g. {@code GACC}). */
    String agency();

    /**
     * Delivers the request; called outside any database transaction, again with the same message id after a
     * failure or a crash.
     */
    AgencyAnswer deliver(AgencyRequest request);

    /**
     * Delivers a change of a document the agency received (an amendment or a cancellation) and returns its
     * answer; called like {@link #deliver}, again with the same message id after a failure.
     */
    AgencyDecision decide(AgencyChange change);

    /**
     * Delivers an attachment of a document the agency was sent, its bytes streamed from {@code content}; called
     * again with the same message id after a failure.
     */
    void deliverFile(String declarationId, String messageId, AgencyAttachment file, java.io.InputStream content);
}
