package org.singlewindow.node.operations;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.SessionUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The operations console in a browser, on every node ({@code static/console/}): {@code /console/} is its page,
 * {@code /console/me} who is logged in. How an operator logs in is the role's part: a province's portal session
 * (through central), central's own login page for central's operators. The page reads the operations API only.
 */
@Controller
public class ConsolePages {

    private final NodeProperties node;

    public ConsolePages(NodeProperties node) {
        this.node = node;
    }

    @GetMapping({"/console", "/console/"})
    public String console() {
        return "forward:/console/index.html";
    }

    @GetMapping(path = "/console/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public SessionUser me(Authentication authentication, CsrfToken csrf) {
        return SessionUser.of(authentication, csrf, node);
    }
}
