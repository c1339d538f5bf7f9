package org.singlewindow.node.web;

import java.util.List;

import org.singlewindow.contracts.declaration.Violation;
import org.springframework.http.HttpStatus;

/** A refusal with everything its problem detail needs. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String titleZh;
    private final String detailEn;
    private final String detailZh;
    private final List<Violation> errors;
    private Long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String titleEn, String titleZh, String detailEn,
                        String detailZh, List<Violation> errors) {
        super(titleEn);
        this.status = status;
        this.code = code;
        this.titleZh = titleZh;
        this.detailEn = detailEn;
        this.detailZh = detailZh;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String code, String titleEn, String titleZh, String detailEn,
                        String detailZh) {
        this(status, code, titleEn, titleZh, detailEn, detailZh, List.of());
    }

    /** The same refusal, telling the caller to retry after {@code seconds} ({@code Retry-After}). */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds the caller should wait before retrying, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "未找到",
                what + " does not exist or is not yours", "不存在或无权访问");
    }

    public HttpStatus status() {
        return status;
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
