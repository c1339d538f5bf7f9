package org.singlewindow.node.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into a bilingual problem detail. Unexpected failures say nothing about internals. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** How Tomcat names the parameter it could not decode ({@code Parameter [type] with value ...}). */
    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9._-]{1,64})]");

    private final RequestRefusals refusals;

    public ApiExceptionHandler(RequestRefusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> api(Refusal e) {
        ResponseEntity<ProblemDetail> response = respond(Problems.of(e));
        return e.retryAfterSeconds() == null ? response : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).header("Retry-After", e.retryAfterSeconds().toString())
                .body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type", "不支持的媒体类型", "send application/json (or, for goods declarations, application/xml)",
                "请使用 application/json（货物申报也可使用 application/xml）",
                List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed",
                "不支持的请求方法", e.getMethod() + " is not supported here", "此处不支持 " + e.getMethod(), List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "Bad parameter", "参数错误",
                "parameter '" + e.getName() + "' has a wrong value", "参数 " + e.getName() + " 的值不正确",
                List.of()));
    }

    /**
     * A query whose percent-encoded bytes are not UTF-8 ({@code ?type=%C3%28}): Tomcat refuses to decode it when the
     * parameters are first read. The parameter is named when Tomcat's message names it.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        Matcher named = PARAMETER.matcher(String.valueOf(e.getMessage()));
        String name = named.find() ? named.group(1) : "";
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "Bad parameter", "参数错误",
                "the query " + (name.isEmpty() ? "" : "parameter '" + name + "' ") + "is not percent-encoded UTF-8",
                "查询" + (name.isEmpty() ? "串" : "参数 " + name + " ") + "不是百分号编码的 UTF-8",
                List.of(new Violation(name.isEmpty() ? "query" : "query:" + name, "ENCODING", "不是有效的 UTF-8",
                        "not valid UTF-8"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "Missing header", "缺少请求头",
                "header '" + e.getHeaderName() + "' is required", "缺少请求头 " + e.getHeaderName(), List.of()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "Missing parameter", "缺少参数",
                "parameter '" + e.getParameterName() + "' is required", "缺少参数 " + e.getParameterName(),
                List.of()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(Refusal.notFound("the resource")));
    }

    /**
     * A request that outlived its time: an event stream at {@code sw.intake.sse-timeout}, or any held open while the
     * node stops. A stream has sent its headers and events already and just ends (the client reconnects with
     * {@code Last-Event-ID}); anything else gets 503.
     */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(AsyncRequestTimeoutException e, HttpServletResponse response) {
        if (response.isCommitted()) {
            return null;
        }
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "TIMED_OUT", "Timed out", "请求超时",
                "the request was held open too long; send it again", "请求保持时间过长，请重新发送", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Internal error", "内部错误",
                "the node could not complete the request", "节点未能完成请求",
                List.of()));
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusals.counted(problem));
    }
}
