package org.singlewindow.node.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed credentials are rate-limited on every path that accepts them: HTTP Basic on the API, client secrets at
 * {@code /oauth2/token}, {@code /oauth2/introspect} and {@code /oauth2/revoke}, passwords at {@code /login}, bearer
 * tokens. Each failure (a 401, or the login page's error redirect) takes a token from two buckets: the presented
 * name's (user or client id: {@code sw.edge.rate-limit.failure-burst}, then {@code failures-per-minute}) and the
 * remote address's; while either is empty, requests carrying credentials get 429 {@code RATE_LIMITED} with
 * {@code Retry-After} before anything is checked, so a password cannot be guessed at speed from one address or
 * from many. Successful requests cost nothing.
 */
public class CredentialFailureFilter extends OncePerRequestFilter {

    private final RateLimitProperties limits;
    private final MeterRegistry meters;
    private final TokenBuckets buckets = new TokenBuckets();

    public CredentialFailureFilter(RateLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !carriesCredentials(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = presentedName(request);
        String address = "address:" + request.getRemoteAddr();
        long now = System.nanoTime();
        long wait = Math.max(name == null ? 0 : buckets.peek(name, perSecond(limits.failuresPerMinute()),
                limits.failureBurst(), now), buckets.peek(address, perSecond(limits.addressFailuresPerMinute()),
                limits.addressFailureBurst(), now));
        if (wait > 0 && formLogin(request)) { // a person at the login page: told there, not shown a JSON problem
            meters.counter("sw.edge.rate-limited").increment();
            response.setHeader("Retry-After", String.valueOf(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS
                    .toSeconds(wait))));
            response.sendRedirect("/login?error=throttled");
            return;
        }
        if (wait > 0) {
            RateLimitFilter.refuse(response, meters, "failed credentials from this name or address",
                    "该名称或地址的凭证错误次数", limits.failuresPerMinute() / 60, limits.failureBurst(), wait);
            return;
        }
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            // an event stream: authenticated already (a refusal is never asynchronous), and its response now belongs
            // to the thread that writes the events; reading it here raced with that thread and broke streams
            return;
        }
        if (failed(request, response)) {
            meters.counter("sw.edge.credential-failures").increment();
            if (name != null) {
                buckets.take(name, perSecond(limits.failuresPerMinute()), limits.failureBurst(), System.nanoTime());
            }
            buckets.take(address, perSecond(limits.addressFailuresPerMinute()), limits.addressFailureBurst(),
                    System.nanoTime());
        }
    }

    private static double perSecond(double perMinute) {
        return perMinute / 60;
    }

    private static boolean formLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().equals("/login")
                && request.getHeader("Authorization") == null;
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getHeader("Authorization") != null || "POST".equals(request.getMethod())
                && (path.equals("/login") || path.startsWith("/oauth2/"));
    }

    /** The user or client id the credentials claim, before they are checked; null when they name none. */
    static String presentedName(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String name = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                name = colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                name = "(malformed)";
            }
        } else if ("POST".equals(request.getMethod()) && request.getRequestURI().equals("/login")) {
            name = request.getParameter("username");
        } else if ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/oauth2/")) {
            name = request.getParameter("client_id");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String clipped = name.toLowerCase(Locale.ROOT);
        return "name:" + (clipped.length() > 100 ? clipped.substring(0, 100) : clipped);
    }

    private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            return true;
        }
        String location = response.getHeader("Location");
        return request.getRequestURI().equals("/login") && location != null && location.contains("error");
    }
}
