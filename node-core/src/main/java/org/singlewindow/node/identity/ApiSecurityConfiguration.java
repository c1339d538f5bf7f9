package org.singlewindow.node.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * API security on every node: bearer JWTs issued by central (validated with central's public keys), HTTP Basic
 * with a registered client's credentials where the role offers a client store (central), and what the role adds
 * ({@link ApiChainCustomizer}: a province's portal sessions). Roles come from the {@code roles} claim.
 * Which declarations a caller may see is decided by the services (a declarant only its own).
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    /** Content security policy of API answers: nothing may be loaded or framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationHandlers handlers, NodeProperties node,
                                 ObjectProvider<UserDetailsService> basicClients,
                                 ObjectProvider<ApiChainCustomizer> customizers) throws Exception {
        List<ApiChainCustomizer> roleParts = customizers.orderedStream().toList();
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Caller.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        AuthorizationManager<RequestAuthorizationContext> operators = (authentication, context) ->
                new AuthorizationDecision(Caller.from(authentication.get()).operates(node.code()));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access(operators)
                        .requestMatchers("/api/v1/directory", "/api/v1/schemas/**").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/enterprises").permitAll()
                        .requestMatchers("/api/v1/agency-receipts/**").hasRole(Caller.AGENCY)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .headers(h -> h.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                contentSecurityPolicy(roleParts, request)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        for (ApiChainCustomizer customizer : roleParts) {
            customizer.customize(http, handlers);
        }
        if (basicClients.getIfAvailable() != null) {
            http.httpBasic(b -> b.authenticationEntryPoint(handlers));
        }
        return http.build();
    }

    /** The API's policy, unless a role's page asks for its own. */
    static String contentSecurityPolicy(List<ApiChainCustomizer> customizers, HttpServletRequest request) {
        return customizers.stream().map(c -> c.contentSecurityPolicy(request)).flatMap(Optional::stream).findFirst()
                .orElse(API_POLICY);
    }

    /**
     * Validates tokens with the issuer's keys as the role provides them ({@link IssuerKeys}: central its own, a
     * province central's, fetched and cached); a token's signature verified once is remembered for a while
     * ({@link RememberedTokens}).
     */
    @Bean
    JwtDecoder jwtDecoder(NodeProperties node, IssuerKeys keys, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(node.identity().issuer());
        decoder.setJwtValidator(validator);
        return new RememberedTokens(decoder, validator, clock);
    }
}
