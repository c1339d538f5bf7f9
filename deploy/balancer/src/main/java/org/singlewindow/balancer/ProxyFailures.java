package org.singlewindow.balancer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.contracts.problem.ProblemJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The balancer's own answer when it could not get one from an instance, as a bilingual problem (RFC 9457) like the
 * nodes': {@code 502 INSTANCE_UNREACHABLE} when every try failed to reach an instance (refused, reset, timed out),
 * {@code 503 NO_INSTANCE} when no instance passes its health check, and for anything else that ends on the servlet
 * container's error page (a method the container refuses, such as {@code TRACE}; a failure of the balancer itself)
 * a problem with that page's status. Without it the error page's request went through the catch-all route to an
 * instance as {@code GET /error}, and the caller got that request's answer (a 200 from some backends).
 */
@Component
public class ProxyFailures extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProxyFailures.class);

    /** Error pages too: the balancer writes them itself, they never go on to an instance. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (response.isCommitted()) {
                return; // a stream already under way: nothing more can be said on it
            }
            HttpStatus status = HttpStatus.resolve(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)
                    instanceof Integer code ? code : 500);
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            write(response, status, status.name(), status.getReasonPhrase(), "网关未能处理该请求",
                    "the balancer did not pass this request on: " + status.value() + " " + status.getReasonPhrase(),
                    "网关未转发该请求：" + status.value());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Throwable failure = proxyFailure(e);
            if (failure == null || response.isCommitted()) {
                throw e;
            }
            if (failure instanceof ResourceAccessException) {
                log.warn("{} {}: no instance could be reached: {}", request.getMethod(), request.getRequestURI(),
                        failure.getMessage());
                write(response, HttpStatus.BAD_GATEWAY, "INSTANCE_UNREACHABLE", "No instance could be reached",
                        "无法连接任何实例", "every instance tried refused or dropped the connection without "
                                + "answering; send the request again (the nodes recognise a repeat)",
                        "所尝试的实例均拒绝或中断了连接，未作应答；请重新发送（节点可识别重复请求）");
            } else {
                log.warn("{} {}: no instance available", request.getMethod(), request.getRequestURI());
                write(response, HttpStatus.SERVICE_UNAVAILABLE, "NO_INSTANCE", "No instance available",
                        "没有可用的实例", "no instance passes its health check; try again later",
                        "没有通过健康检查的实例，请稍后重试");
            }
        }
    }

    /**
     * The proxy's failure under the wrappers (the servlet's, the retry filter's when its tries are exhausted): an
     * instance not reached, or the load balancer finding none (503); null for anything else.
     */
    private static Throwable proxyFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException none
                    && none.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return cause;
            }
        }
        return null;
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String title,
                              String titleZh, String detail, String detailZh) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.write(status.value(), code, title, titleZh, detail, detailZh,
                java.util.Map.of()));
    }
}
