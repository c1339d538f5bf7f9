package org.singlewindow.node.change;

import java.time.Instant;
import java.util.List;

/**
 * A change request as the parties see it.
 *
 * @param version an amendment's new version; 0 for a cancellation
 * @param state   REQUESTED, OPEN, APPROVED or REFUSED
 * @param detail  why it ended as it did
 * @param answers each involved agency's answer (at central and, once relayed, at the province)
 */
public record ChangeView(String id, String declarationId, String kind, int version, String reasonCode,
                         String reasonText, String state, String detail, Instant requestedAt, Instant decidedAt,
                         List<Answer> answers) {

    /** One agency's answer. */
    public record Answer(String agency, String decision, String code, String message, Instant answeredAt) {
    }

    public static ChangeView of(ChangeRow row, List<AnswerRow> answers) {
        return new ChangeView(row.id(), row.declarationId(), row.kind(), row.version(), row.reasonCode(),
                row.reasonText(), row.state(), row.detail(), row.requestedAt(), row.decidedAt(), answers.stream()
                .map(a -> new Answer(a.agency(), a.decision(), a.code(), a.message(), a.answeredAt())).toList());
    }

    /**
     * One version of the document.
     *
     * @param current     whether it is the version in force
     * @param contentHash SHA-256 of its canonical JSON
     * @param changeId    the amendment that brought it; absent for version 1
     */
    public record Version(int version, boolean current, String contentHash, String signer, String changeId,
                         Instant createdAt) {
    }
}
