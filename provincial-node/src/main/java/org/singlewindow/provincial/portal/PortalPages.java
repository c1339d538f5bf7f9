package org.singlewindow.provincial.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's pages: {@code /} leads to {@code /portal/}, which is the single page ({@code static/portal/}) that
 * works with the node's API through the login session. A browser without a session is sent to central's login first.
 */
@Controller
@ConditionalOnProperty(name = "sw.portal.enabled", havingValue = "true", matchIfMissing = true)
public class PortalPages {

    @GetMapping("/")
    public String home() {
        return "redirect:/portal/";
    }

    @GetMapping({"/portal", "/portal/"})
    public String portal() {
        return "forward:/portal/index.html";
    }
}
