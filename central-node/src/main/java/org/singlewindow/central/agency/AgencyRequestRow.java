package org.singlewindow.central.agency;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * A request central sent to a ministry, kept until the agency's part is final.
 *
 * @param body    the envelope as sent (an agency request never leaves central: not signed as an envelope; the
 *                request the ministry receives is signed when it is sent)
 * @param askedAt when it was last sent (first, or again)
 * @param asks    how many times it was sent again
 */
public record AgencyRequestRow(String messageId, String declarationId, String agency, String queueName,
                               SealedText body, Instant sentAt, Instant askedAt, int asks) {

    public static SealedText seal(String messageId, String envelope) {
        return SealedText.of("agency_request:" + messageId, envelope);
    }

    /** The envelope, opened for this row. */
    public String envelope() {
        return body.open("agency_request:" + messageId);
    }
}
