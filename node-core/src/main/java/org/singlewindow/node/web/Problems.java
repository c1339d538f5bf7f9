package org.singlewindow.node.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problem details in the node's bilingual form. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(Refusal e) {
        return of(status(e.kind()), e.code(), e.getMessage(), e.titleZh(), e.detailEn(), e.detailZh(), e.errors());
    }

    /** The kind of refusal another node answered with {@code status}, if it is one. */
    public static java.util.Optional<Refusal.Kind> kind(int status) {
        return java.util.Arrays.stream(Refusal.Kind.values()).filter(k -> status(k).value() == status).findFirst();
    }

    /** The HTTP answer to a kind of refusal. */
    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail of(HttpStatus status, String code, String titleEn, String titleZh, String detailEn,
                                   String detailZh, List<Violation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailEn);
        problem.setType(URI.create("urn:singlewindow:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(titleEn);
        problem.setProperty("code", code);
        problem.setProperty("titleZh", titleZh);
        problem.setProperty("detailZh", detailZh);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem straight to a servlet response (for filters and security handlers). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(Json.MAPPER.writeValueAsString(body));
    }
}
