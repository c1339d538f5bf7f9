package org.singlewindow.provincial.portal;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.ApiChainCustomizer;
import org.singlewindow.node.identity.ProblemAuthenticationHandlers;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Portal login at a provincial node: an OpenID Connect client of central (authorization code with PKCE, client
 * {@code portal-<code>}). A browser opening {@code /portal/**} without a session is sent to central's login page
 * and comes back with a session; the same session then works on the declaration API, where state-changing
 * requests need the CSRF token {@code /portal/me} hands out. Requests with a bearer token are unaffected:
 * stateless, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sw.portal.enabled", havingValue = "true", matchIfMissing = true)
public class PortalLoginConfiguration {

    /** The registration id of central, as it appears in {@code /oauth2/authorization/central}. */
    public static final String CENTRAL = "central";

    @Bean
    ClientRegistrationRepository centralRegistration(NodeProperties node, ProvincialProperties provincial) {
        String issuer = node.identity().issuer();
        String backChannel = provincial.central().baseUrl().toString().replaceAll("/$", "");
        String clientId = provincial.portal().clientId() != null ? provincial.portal().clientId()
                : "portal-" + node.code();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(CENTRAL)
                .clientId(clientId)
                .clientSecret(provincial.portal().secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(issuer.replaceAll("/$", "") + "/oauth2/authorize")
                .tokenUri(backChannel + "/oauth2/token")
                .jwkSetUri(backChannel + "/oauth2/jwks")
                .issuerUri(issuer)
                .userNameAttributeName("sub")
                .clientName(node.name())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build());
    }

    /** Portal users' tokens from central live in their session only. */
    @Bean
    OAuth2AuthorizedClientRepository portalAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Right after the security chain, where the session's login is known. */
    @Bean
    FilterRegistrationBean<PortalSessionCheck> portalSessionCheck(OAuth2AuthorizedClientRepository clients,
                                                                 ProvincialProperties provincial, Clock clock) {
        FilterRegistrationBean<PortalSessionCheck> registration = new FilterRegistrationBean<>(new PortalSessionCheck(
                clients, provincial.central().baseUrl().resolve("/userinfo"), provincial.portal().recheck(), clock));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    PortalLogin portalLogin() {
        return new PortalLogin();
    }

    /** Added to the API chain: session login for {@code /portal/**}, CSRF for session writes. */
    static final class PortalLogin implements ApiChainCustomizer {

        @Override
        public void customize(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
            ApiChainCustomizer.sessionPages(http, handlers, PortalLogin::page,
                    new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + CENTRAL),
                    PortalLogin::sessionWrite);
            http.oauth2Login(o -> o.defaultSuccessUrl("/portal/"));
        }

        /** The portal's pages and their files ({@code /}, {@code /portal/**}), and the operations console's. */
        static boolean page(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return uri.equals("/") || uri.startsWith("/portal") || ApiChainCustomizer.consolePage(request);
        }

        @Override
        public Optional<String> contentSecurityPolicy(HttpServletRequest request) {
            return page(request) ? Optional.of(PAGE_POLICY) : Optional.empty();
        }

        /** A state-changing request that would authenticate with a session cookie rather than a bearer token. */
        private static boolean sessionWrite(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            return ApiChainCustomizer.stateChangingWithSession(request)
                    && (authorization == null || !authorization.startsWith("Bearer "));
        }
    }
}
