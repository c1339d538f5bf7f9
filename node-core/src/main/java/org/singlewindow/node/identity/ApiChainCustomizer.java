package org.singlewindow.node.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a role adds to the API security chain ({@link ApiSecurityConfiguration}), e.g. the provincial portal's
 * session login through central. Applied in bean order after the shared rules.
 */
public interface ApiChainCustomizer {

    /**
     * The policy of a node's own pages (portal, operations console): scripts, styles and API calls from the same
     * origin only; no framing, no inline code.
     */
    String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Browser sessions on the API chain for a role's pages: a session when one is needed, a page opened without a
     * login saved and sent to {@code login} (anything else answered with a problem by {@code handlers}), and CSRF
     * protection for the state-changing requests {@code sessionWrite} picks out.
     */
    static void sessionPages(HttpSecurity http, ProblemAuthenticationHandlers handlers, RequestMatcher pages,
                             AuthenticationEntryPoint login, RequestMatcher sessionWrite) throws Exception {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(pages);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(c -> c.requestCache(cache))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWrite))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                    if (pages.matches(request)) {
                        login.commence(request, response, failure);
                    } else {
                        handlers.commence(request, response, failure);
                    }
                }));
    }

    /** A state-changing request (Spring's CSRF method rule) that carries a session. */
    static boolean stateChangingWithSession(HttpServletRequest request) {
        return CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && request.getSession(false) != null;
    }

    /** The node's own pages every role serves: the operations console and the scripts it shares. */
    static boolean consolePage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/console") || uri.startsWith("/ui/");
    }

    void customize(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception;

    /**
     * The content security policy of a page this role serves (e.g. the portal's scripts and styles from the same
     * origin); empty for everything else, which gets the API's {@code default-src 'none'}.
     */
    default Optional<String> contentSecurityPolicy(HttpServletRequest request) {
        return Optional.empty();
    }
}
