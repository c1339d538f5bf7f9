package org.singlewindow.provincial.submission;

import java.util.List;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;

/**
 * What a submitted or amended document refers to and cannot use: an earlier document ({@code REFERENCE_INVALID})
 * or an attachment ({@code ATTACHMENT_INVALID}); refused with 422 naming every offending field.
 */
public final class Unusable {

    private Unusable() {
    }

    public static void references(List<Violation> problems) {
        refuse(problems, "REFERENCE_INVALID", "Referenced document not usable", "所引用的单证不可用");
    }

    public static void attachments(List<Violation> problems) {
        refuse(problems, "ATTACHMENT_INVALID", "Attachment not usable", "随附单证不可用");
    }

    private static void refuse(List<Violation> problems, String code, String titleEn, String titleZh) {
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, code, titleEn, titleZh, problems.get(0).messageEn(),
                    problems.get(0).messageZh(), problems);
        }
    }
}
