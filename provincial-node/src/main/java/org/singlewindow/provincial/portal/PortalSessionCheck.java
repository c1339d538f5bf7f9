package org.singlewindow.provincial.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.singlewindow.node.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A portal session lives no longer than central allows: a session whose access token expired ends at once
 * ({@code LOGIN_EXPIRED}); every {@code sw.portal.recheck} the session's token is shown to central's
 * {@code /userinfo}, and a session central no longer honours (the user disabled or removed, the authorization gone)
 * ends ({@code LOGIN_REVOKED}). Both answer 401 with the session invalidated. If central cannot be reached, the
 * session goes on until its token expires (said in the log).
 */
public class PortalSessionCheck extends OncePerRequestFilter {

    static final String CHECKED_AT = PortalSessionCheck.class.getName() + ".checkedAt";
    private static final Logger log = LoggerFactory.getLogger(PortalSessionCheck.class);

    private final OAuth2AuthorizedClientRepository clients;
    private final URI userInfo;
    private final Duration recheck;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public PortalSessionCheck(OAuth2AuthorizedClientRepository clients, URI userInfo, Duration recheck, Clock clock) {
        this.clients = clients;
        this.userInfo = userInfo;
        this.recheck = recheck;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (!(authentication instanceof OAuth2AuthenticationToken login) || session == null) {
            chain.doFilter(request, response);
            return;
        }
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(),
                authentication, request);
        Instant now = clock.instant();
        Instant expires = client == null ? null : client.getAccessToken().getExpiresAt();
        if (client == null || expires != null && !now.isBefore(expires)) {
            end(session, response, "LOGIN_EXPIRED", "Login expired", "登录已过期",
                    "this portal session's login at central has expired: log in again", "门户会话的登录已过期，请重新登录");
            return;
        }
        Instant checked = (Instant) session.getAttribute(CHECKED_AT);
        if (checked == null || !now.isBefore(checked.plus(recheck))) {
            int status = userInfoStatus(client.getAccessToken().getTokenValue());
            if (status == 401 || status == 403) {
                end(session, response, "LOGIN_REVOKED", "Login revoked", "登录已被撤销",
                        "central no longer honours this login (the user may have been disabled): log in again",
                        "中央节点已不再认可此登录（用户可能已被停用），请重新登录");
                return;
            }
            if (status == 200) {
                session.setAttribute(CHECKED_AT, now);
            } else {
                log.warn("portal session of {} not re-checked (central answered {}); it lasts until its token "
                        + "expires at {}", login.getName(), status, expires);
            }
        }
        chain.doFilter(request, response);
    }

    private int userInfoStatus(String accessToken) {
        try {
            return http.send(HttpRequest.newBuilder(userInfo).timeout(Duration.ofSeconds(3))
                    .header("Authorization", "Bearer " + accessToken).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void end(HttpSession session, HttpServletResponse response, String code, String title,
                            String titleZh, String detail, String detailZh) throws IOException {
        session.invalidate();
        SecurityContextHolder.clearContext();
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, code, title, titleZh, detail, detailZh,
                List.of()));
    }
}
