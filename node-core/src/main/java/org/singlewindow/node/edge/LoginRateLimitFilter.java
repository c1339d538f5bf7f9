package org.singlewindow.node.edge;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds login attempts ({@code POST /login}, {@code /oauth2/token}, {@code /oauth2/introspect},
 * {@code /oauth2/revoke}) to a rate per remote address, before
 * Spring Security checks the credentials, so passwords and client secrets cannot be guessed at speed (429 with
 * {@code Retry-After} beyond {@code sw.edge.rate-limit.login-per-second}).
 */
public class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties limits;
    private final MeterRegistry meters;
    private final TokenBuckets buckets = new TokenBuckets();

    public LoginRateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !limits.enabled() || !"POST".equals(request.getMethod())
                || !(path.equals("/login") || path.equals("/oauth2/token") || path.equals("/oauth2/introspect")
                || path.equals("/oauth2/revoke"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = buckets.take("login:" + request.getRemoteAddr(), limits.loginPerSecond(), limits.loginBurst(),
                System.nanoTime());
        if (wait == 0) {
            chain.doFilter(request, response);
        } else {
            RateLimitFilter.refuse(response, meters, "logins from this address", "此地址的登录", limits.loginPerSecond(),
                    limits.loginBurst(), wait);
        }
    }
}
