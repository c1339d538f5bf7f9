package org.singlewindow.central.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.ApiChainCustomizer;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.identity.ClientPrincipal;
import org.singlewindow.node.identity.ProblemAuthenticationHandlers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Central's operators in a browser: the operations console ({@code /console/}) logs in on central's own login page
 * ({@code /login}, the page portal users see), and that session then works on central's API for the node's
 * operators only. Each request reads the user again ({@link PortalUsers#caller}): a user disabled or no longer an
 * operator of central is anonymous from its next request. Any other user's session (a trader on its way back to a
 * provincial portal) is not an API login here. State-changing session requests need the CSRF token
 * {@code /console/me} hands out; requests with a bearer token or HTTP Basic are unaffected.
 */
@Component
class ConsoleLogin implements ApiChainCustomizer {

    private final PortalUsers users;
    private final NodeProperties node;

    ConsoleLogin(PortalUsers users, NodeProperties node) {
        this.users = users;
        this.node = node;
    }

    @Override
    public void customize(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
        ApiChainCustomizer.sessionPages(http, handlers, ApiChainCustomizer::consolePage,
                new LoginUrlAuthenticationEntryPoint("/login"), ConsoleLogin::sessionWrite);
        http.addFilterAfter(new OperatorSessions(), SecurityContextHolderFilter.class);
    }

    @Override
    public Optional<String> contentSecurityPolicy(HttpServletRequest request) {
        return ApiChainCustomizer.consolePage(request) ? Optional.of(PAGE_POLICY) : Optional.empty();
    }

    private static boolean sessionWrite(HttpServletRequest request) {
        return ApiChainCustomizer.stateChangingWithSession(request) && request.getHeader("Authorization") == null;
    }

    /** The session's login page user as an operator of central for this request, or nobody. */
    private final class OperatorSessions extends OncePerRequestFilter {

        private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication login = holder.getContext().getAuthentication();
            if (login instanceof UsernamePasswordAuthenticationToken && login.getPrincipal() instanceof User user) {
                SecurityContext context = holder.createEmptyContext();
                operator(user.getUsername()).ifPresent(caller -> {
                    ClientPrincipal principal = new ClientPrincipal(caller, null);
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                            principal.getAuthorities()));
                });
                holder.setContext(context);
            }
            chain.doFilter(request, response);
        }

        private Optional<Caller> operator(String username) {
            try {
                return Optional.of(users.caller(username)).filter(caller -> caller.operates(node.code()));
            } catch (AuthenticationException e) { // unknown or disabled since logging in
                return Optional.empty();
            }
        }
    }
}
