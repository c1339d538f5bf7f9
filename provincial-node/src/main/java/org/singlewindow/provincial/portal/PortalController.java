package org.singlewindow.provincial.portal;

import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
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

    /** Who is logged in where. */
    public record Me(String username, List<String> roles, String uscc, String agency, String province,
                     String portal, String portalName, String csrfHeader, String csrfToken) {
    }

    private final NodeProperties node;

    public PortalController(NodeProperties node) {
        this.node = node;
    }

    @GetMapping(path = "/portal/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public Me me(Authentication authentication, CsrfToken csrf) {
        Caller caller = Caller.from(authentication);
        return new Me(caller.clientId(), caller.roles().stream().sorted().toList(), caller.uscc(), caller.agency(),
                caller.province(), node.code(), node.name(), csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken());
    }
}
