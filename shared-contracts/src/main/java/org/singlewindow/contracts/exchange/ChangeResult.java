package org.singlewindow.contracts.exchange;

import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.change.Decision;

/**
 * Central to the origin province: where a change request stands (OPEN once the agencies were asked, then its
 * final state), with each involved agency's answer so far.
 *
 * @param changeId the change
 * @param state    OPEN, APPROVED or REFUSED
 * @param detail   why, in English and Chinese (e.g. who refused, or that the document completed first)
 * @param answers  the involved agencies' answers
 * @param at       when central reached this state
 */
public record ChangeResult(String changeId, ChangeState state, String detail, List<Answer> answers, Instant at) {

    public ChangeResult {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** One agency's answer. */
    public record Answer(String agency, Decision decision, String code, String message) {
    }
}
