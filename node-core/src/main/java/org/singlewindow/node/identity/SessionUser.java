package org.singlewindow.node.identity;

import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Who a browser session belongs to, at which node, and the CSRF header and token its state-changing calls carry:
 * what a portal or console page asks first ({@code /portal/me}, {@code /console/me}).
 */
public record SessionUser(String username, List<String> roles, String uscc, String agency, String province,
                          String node, String nodeName, String nodeRole, String csrfHeader, String csrfToken) {

    public static SessionUser of(Authentication authentication, CsrfToken csrf, NodeProperties node) {
        Caller caller = Caller.from(authentication);
        return new SessionUser(caller.clientId(), caller.roles().stream().sorted().toList(), caller.uscc(),
                caller.agency(), caller.province(), node.code(), node.name(), node.role().name(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
