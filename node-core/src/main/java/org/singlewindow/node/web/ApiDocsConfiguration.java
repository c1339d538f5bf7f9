package org.singlewindow.node.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public API described in OpenAPI 3.1 at {@code /v3/api-docs} (springdoc, from the controllers), browsable at
 * {@code /swagger-ui.html}; both open to anyone, as the API itself is documented in README. The page runs scripts
 * of its own, so it gets a content security policy of its own (same origin only) instead of the API's
 * {@code default-src 'none'}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI singleWindowApi(NodeProperties node) {
        return new OpenAPI()
                .info(new Info().title(node.name().isBlank() ? "Single Window node " + node.code() : node.name())
                        .description("国际贸易\"单一窗口\" federation node " + node.code() + " (" + node.role() + "): "
                                + "problem details (RFC 9457) in English and Chinese on every error")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("a token issued by the central node (POST /oauth2/token at central)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    @Order(0)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                        + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }
}
