package org.singlewindow.node.agency;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * A request central sent to a ministry, kept until the agency's part is final.
 *
 * @param body    the signed envelope as sent
 * @param askedAt when it was last sent (first, or again)
 * @param asks    how many times it was sent again
 */
public record AgencyRequestRow(String messageId, String declarationId, String agency, String queueName,
                               SealedText body, Instant sentAt, Instant askedAt, int asks) {

    public static SealedText seal(String messageId, String envelope) {
        return SealedText.of("agency_request:" + messageId, envelope);
    }

    /** The signed envelope, opened for this row. */
    public String envelope() {
        return body.open("agency_request:" + messageId);
    }
}
