package org.singlewindow.central.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.singlewindow.central.CentralProperties;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.identity.ClientPrincipal;
import org.singlewindow.node.identity.ProblemAuthenticationHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The token issuer and unified identity: central issues every token of the federation.
 * API clients are registered from configuration (client credentials); provincial portals from
 * {@code sw.identity.portals} (authorization code, PKCE required, OpenID Connect); portal users log in on
 * central's login page ({@code /login}). Tokens are JWTs signed with the current key of {@link SigningKeys} and
 * carry the caller's roles, enterprise, agency, province and the enterprise's registered certificate.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    private static final String ROLES = "sw.roles";
    private static final String USCC = "sw.uscc";
    private static final String AGENCY = "sw.agency";
    private static final String PROVINCE = "sw.province";
    /** Where a provincial portal receives the authorization code (Spring Security's default for "central"). */
    public static final String PORTAL_CALLBACK = "/login/oauth2/code/central";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ProblemAuthenticationHandlers handlers,
                                                 PortalUsers users) throws Exception {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http.oauth2AuthorizationServer(as -> {
                    http.securityMatcher(as.getEndpointsMatcher());
                    // userinfo answers only for users still enabled: provincial portals re-check their sessions here
                    as.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(users::userInfo)));
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                    if (request.getRequestURI().equals("/oauth2/authorize")) {
                        login.commence(request, response, failure);
                    } else {
                        handlers.commence(request, response, failure);
                    }
                }));
        return http.build();
    }

    /**
     * Central's login page for portal users (form login with a session and CSRF protection; the page itself is
     * {@code frontdoor.FrontDoorController}'s, as is the landing page {@code /}). It knows portal users only: its
     * authentication manager has no parent, so API clients' secrets do not log in here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http, PortalUsers users, AuditLog audit) throws Exception {
        http.securityMatcher("/", "/login", "/logout")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(new DaoAuthenticationProvider(users::load)))
                .formLogin(form -> form.loginPage("/login").failureHandler((request, response, failure) -> {
                    audit.recordNow(clip(request.getParameter("username")), "LOGIN_FAILED", null,
                            failure.getClass().getSimpleName());
                    String reason = failure instanceof org.springframework.security.authentication.LockedException
                            ? "locked" : failure instanceof org.springframework.security.authentication.DisabledException
                            ? "disabled" : "credentials";
                    response.sendRedirect("/login?error=" + reason);
                }))
                .logout(Customizer.withDefaults());
        return http.build();
    }

    private static String clip(String value) {
        String safe = value == null ? "" : value.replaceAll("[^a-z0-9._-]", "?");
        return safe.substring(0, Math.min(64, safe.length()));
    }

    @Bean
    RegisteredClientRepository registeredClients(CentralProperties central) {
        CentralProperties.Identity identity = central.identity();
        ClientRules.check(identity.clients());
        List<RegisteredClient> clients = new ArrayList<>(identity.clients().stream().map(c -> RegisteredClient
                .withId(UUID.nameUUIDFromBytes(c.clientId().getBytes()).toString())
                .clientId(c.clientId())
                .clientSecret(c.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.tokenTtl()).build())
                .clientSettings(ClientSettings.builder()
                        .setting(ROLES, List.copyOf(c.roles()))
                        .setting(USCC, c.uscc() == null ? "" : c.uscc())
                        .setting(AGENCY, c.agency() == null ? "" : c.agency())
                        .setting(PROVINCE, c.province() == null ? "" : c.province())
                        .build())
                .build()).toList());
        identity.portals().forEach((province, portal) -> clients.add(RegisteredClient
                .withId(UUID.nameUUIDFromBytes(("portal-" + province).getBytes()).toString())
                .clientId("portal-" + province)
                .clientSecret(portal.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(portal.baseUrl().resolve(PORTAL_CALLBACK).toString())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.tokenTtl()).build())
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build()));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Adds the caller's roles, enterprise, agency, province and registered certificate to every access token and
     * ID token: a portal user's from its account, an API client's from its registration. Audits each login.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> swClaims(AuditLog audit, PortalUsers users, SigningKeys keys) {
        return context -> {
            context.getJwsHeader().keyId(keys.signingKeyId());
            Caller caller = caller(context, users);
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                audit.recordNow(caller.clientId(), "LOGIN", null, "token issued ("
                        + context.getAuthorizationGrantType().getValue() + " via "
                        + context.getRegisteredClient().getClientId() + ")");
            }
            // an ArrayList: the claims are kept with the authorization in the database, whose JSON mapper admits
            // the JDK's plain collections only
            context.getClaims().claim(Caller.ROLES_CLAIM, new ArrayList<>(caller.roles()));
            claimIfSet(context, Caller.USCC_CLAIM, caller.uscc());
            claimIfSet(context, Caller.AGENCY_CLAIM, caller.agency());
            claimIfSet(context, Caller.PROVINCE_CLAIM, caller.province());
            claimIfSet(context, Caller.CERT_CLAIM, caller.certSha256());
        };
    }

    private static Caller caller(JwtEncodingContext context, PortalUsers users) {
        Authentication principal = context.getPrincipal();
        if (principal != null && principal.getPrincipal() instanceof UserDetails user) {
            return users.caller(user.getUsername()); // a portal user, as the database has it now
        }
        ClientSettings settings = context.getRegisteredClient().getClientSettings();
        List<String> roles = settings.getSetting(ROLES);
        String uscc = settings.getSetting(USCC);
        return new Caller(context.getRegisteredClient().getClientId(), roles == null ? Set.of() : Set.copyOf(roles),
                uscc, settings.getSetting(AGENCY), settings.getSetting(PROVINCE),
                users.registeredCertificate(uscc == null || uscc.isEmpty() ? null : uscc));
    }

    private static void claimIfSet(JwtEncodingContext context, String claim, String value) {
        if (value != null && !value.isEmpty()) {
            context.getClaims().claim(claim, value);
        }
    }

    /**
     * Authorizations (codes and tokens issued) in the database, so that any of central's instances can finish a
     * login another began (README, "Scale-out").
     */
    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(NodeProperties node) {
        return AuthorizationServerSettings.builder().issuer(node.identity().issuer()).build();
    }

    /** Registered clients as HTTP Basic principals, for agency systems posting receipts. */
    @Bean
    UserDetailsService clientPrincipals(CentralProperties central) {
        return username -> central.identity().clients().stream()
                .filter(c -> c.clientId().equals(username))
                .findFirst()
                .map(c -> new ClientPrincipal(new Caller(c.clientId(), Set.copyOf(c.roles()), c.uscc(), c.agency(),
                        c.province()),
                        c.secret()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown client"));
    }
}
