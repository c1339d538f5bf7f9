package org.singlewindow.node.identity;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The token issuer, on the node configured with {@code sw.identity.issuing=true} (central). Clients are
 * registered from configuration; tokens are JWTs signed with the key in {@code sw.identity.signing-key-file}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sw.identity.issuing", havingValue = "true")
public class AuthorizationServerConfiguration {

    private static final String ROLES = "sw.roles";
    private static final String USCC = "sw.uscc";
    private static final String AGENCY = "sw.agency";
    private static final String PROVINCE = "sw.province";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ProblemAuthenticationHandlers handlers)
            throws Exception {
        http.oauth2AuthorizationServer(as -> http.securityMatcher(as.getEndpointsMatcher()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(NodeProperties node) {
        NodeProperties.Identity identity = node.identity();
        ClientRules.check(identity.clients());
        List<RegisteredClient> clients = identity.clients().stream().map(c -> RegisteredClient
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
                .build()).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Adds the client's roles, enterprise and agency to every token it gets, and audits the login. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> swClaims(AuditLog audit) {
        return context -> {
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            audit.recordNow(context.getRegisteredClient().getClientId(), "LOGIN", null,
                    "token issued (" + context.getAuthorizationGrantType().getValue() + ")");
            List<String> roles = settings.getSetting(ROLES);
            context.getClaims().claim(Caller.ROLES_CLAIM, roles);
            claimIfSet(context, Caller.USCC_CLAIM, settings.getSetting(USCC));
            claimIfSet(context, Caller.AGENCY_CLAIM, settings.getSetting(AGENCY));
            claimIfSet(context, Caller.PROVINCE_CLAIM, settings.getSetting(PROVINCE));
        };
    }

    private static void claimIfSet(JwtEncodingContext context, String claim, String value) {
        if (value != null && !value.isEmpty()) {
            context.getClaims().claim(claim, value);
        }
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(NodeProperties node) {
        Path file = node.identity().signingKeyFile() != null ? node.identity().signingKeyFile()
                : node.dataDir().resolve("identity/signing-key.pem");
        RSAKey key = SigningKeyStore.loadOrCreate(file);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(NodeProperties node) {
        return AuthorizationServerSettings.builder().issuer(node.identity().issuer()).build();
    }

    /** Registered clients as HTTP Basic principals, for agency systems posting receipts. */
    @Bean
    UserDetailsService clientPrincipals(NodeProperties node) {
        return username -> node.identity().clients().stream()
                .filter(c -> c.clientId().equals(username))
                .findFirst()
                .map(c -> new ClientPrincipal(new Caller(c.clientId(), Set.copyOf(c.roles()), c.uscc(), c.agency(),
                        c.province()),
                        c.secret()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown client"));
    }
}
