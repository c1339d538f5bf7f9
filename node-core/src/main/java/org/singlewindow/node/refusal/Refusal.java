package org.singlewindow.node.refusal;

import java.util.List;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;

/**
 * A refusal in the nodes' one vocabulary: what kind it is, a stable code, and its text in English and Chinese with
 * the offending fields. Thrown alike by request handling and by messaging paths; the web layer answers it as a
 * bilingual problem ({@code web.Problems}), the transport retries it when its {@link Kind} passes with time and parks
 * it otherwise ({@code transport.Failures}).
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal: whether asking again can help, and which answer the web layer gives. */
    public enum Kind {
        /** The input is malformed or breaks a rule (400). */
        INVALID,
        /** No valid credentials (401). */
        UNAUTHENTICATED,
        /** Known, but not allowed (403). */
        FORBIDDEN,
        /** Unknown, or not the caller's to see (404). */
        NOT_FOUND,
        /** Clashes with what is already there (409). */
        CONFLICT,
        /** Too big to take (413). */
        TOO_LARGE,
        /** A format the node does not read (415). */
        UNSUPPORTED_MEDIA_TYPE,
        /** Well formed, but its content cannot be processed (422). */
        UNPROCESSABLE,
        /** Too many requests for now (429): passes with time. */
        THROTTLED,
        /** Something it needs is not available now (503): passes with time. */
        UNAVAILABLE;

        /** Whether the same request or message may succeed later, unchanged. */
        public boolean passes() {
            return this == THROTTLED || this == UNAVAILABLE;
        }
    }

    private final Kind kind;
    private final String code;
    private final String titleZh;
    private final String detailEn;
    private final String detailZh;
    private final List<Violation> errors;
    private Long retryAfterSeconds;

    public Refusal(Kind kind, String code, String titleEn, String titleZh, String detailEn,
                        String detailZh, List<Violation> errors) {
        super(titleEn);
        this.kind = kind;
        this.code = code;
        this.titleZh = titleZh;
        this.detailEn = detailEn;
        this.detailZh = detailZh;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Refusal(Kind kind, String code, String titleEn, String titleZh, String detailEn,
                        String detailZh) {
        this(kind, code, titleEn, titleZh, detailEn, detailZh, List.of());
    }

    /** The same refusal, telling the caller to retry after {@code seconds} ({@code Retry-After}). */
    public Refusal retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds the caller should wait before retrying, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Refusal notFound(String what) {
        return new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "Not found", "未找到",
                what + " does not exist or is not yours", "不存在或无权访问");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public String detailEn() {
        return detailEn;
    }

    public String detailZh() {
        return detailZh;
    }

    public List<Violation> errors() {
        return errors;
    }
}
