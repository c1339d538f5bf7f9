package org.singlewindow.node.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a role adds to the API security chain ({@link ApiSecurityConfiguration}), e.g. the provincial portal's
 * session login through central. Applied in bean order after the shared rules.
 */
public interface ApiChainCustomizer {

    void customize(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception;
}
