package org.singlewindow.node.edge;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.node.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a client's requests beyond its rate with 429 {@code RATE_LIMITED} and {@code Retry-After} (whole
 * seconds), counted in {@code sw.edge.rate-limited}. It runs right after Spring Security, so the key is the
 * authenticated client (portal user, API client) or, for anonymous calls, the remote address. Health checks are
 * never limited.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties limits;
    private final MeterRegistry meters;
    private final TokenBuckets buckets = new TokenBuckets();

    public RateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean known = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        String client = known ? authentication.getName() : null;
        double rate = client != null ? limits.clients().getOrDefault(client, limits.perSecond()) : limits.perSecond();
        int burst = (int) Math.max(1, Math.round(limits.burst() * rate / limits.perSecond()));
        long wait = buckets.take(client != null ? "client:" + client : "ip:" + request.getRemoteAddr(), rate, burst,
                System.nanoTime());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        refuse(response, meters, "this client", "该客户端", rate, burst, wait);
    }

    /** 429 RATE_LIMITED with Retry-After (whole seconds), counted in {@code sw.edge.rate-limited}. */
    static void refuse(HttpServletResponse response, MeterRegistry meters, String who, String whoZh, double rate,
                       int burst, long waitNanos) throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        meters.counter("sw.edge.rate-limited").increment();
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
                "请求过于频繁", who + " may send " + rate + " requests per second (burst " + burst + "); retry in "
                        + seconds + " s", whoZh + "每秒最多 " + rate + " 次请求（突发 " + burst + " 次），请 " + seconds
                        + " 秒后重试", List.of()));
    }
}
