package org.singlewindow.central.frontdoor;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.central.CentralProperties;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /login}: the login form, titled with the window the user is logging in to (the portal client in the
 * request that sent the user here; central's own name for the console), in Chinese or, with {@code ?lang=en}, in
 * English, with the reason of a refused attempt ({@code ?error=credentials|locked|disabled}). {@code GET /}: the
 * landing page with every provincial window of the federation and the operators' console.
 */
@RestController
public class FrontDoorController {

    static final String FEDERATION = "中国国际贸易单一窗口";

    private final CentralProperties central;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    public FrontDoorController(CentralProperties central) {
        this.central = central;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String login(@RequestParam(required = false) String lang, @RequestParam(required = false) String error,
                        HttpServletRequest request, HttpServletResponse response) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return FrontDoorPages.login(window(request, response), "en".equals(lang), error,
                csrf == null ? null : csrf.getParameterName(), csrf == null ? null : csrf.getToken());
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String landing(@RequestParam(required = false) String lang) {
        return FrontDoorPages.landing(central.identity().portals(), "en".equals(lang));
    }

    /** The window a login is for: the portal whose client started it, else central itself. */
    private String window(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        String[] clients = saved == null ? null : saved.getParameterValues("client_id");
        if (clients != null && clients.length == 1 && clients[0].startsWith("portal-")) {
            String code = clients[0].substring("portal-".length());
            Map<String, CentralProperties.PortalClient> portals = central.identity().portals();
            if (portals.containsKey(code)) {
                return portals.get(code).nameOr(code);
            }
        }
        return FEDERATION;
    }
}
