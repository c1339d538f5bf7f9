package org.singlewindow.provincial.portal;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.SessionUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /portal/me}: the logged-in user, this portal, and the CSRF header to send with the session. */
@RestController
@ConditionalOnProperty(name = "sw.portal.enabled", havingValue = "true", matchIfMissing = true)
public class PortalController {

    private final NodeProperties node;

    public PortalController(NodeProperties node) {
        this.node = node;
    }

    @GetMapping(path = "/portal/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public SessionUser me(Authentication authentication, CsrfToken csrf) {
        return SessionUser.of(authentication, csrf, node);
    }
}
