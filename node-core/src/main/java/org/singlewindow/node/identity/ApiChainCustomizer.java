package org.singlewindow.node.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

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
