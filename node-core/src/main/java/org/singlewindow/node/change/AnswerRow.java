package org.singlewindow.node.change;

import java.time.Instant;

/** One involved agency's answer to a change ({@code change_answer}); decision PENDING until it answers. */
public record AnswerRow(String changeId, String agency, String decision, String code, String message,
                        Instant answeredAt) {
}
