package org.singlewindow.provincial.submission;

/**
 * Outcome of a submission.
 *
 * @param declarationId the declaration (new or existing)
 * @param created       true when this request created it; false when it repeated an earlier submission
 */
public record Submission(String declarationId, boolean created) {
}
