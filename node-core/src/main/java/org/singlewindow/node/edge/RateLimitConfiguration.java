package org.singlewindow.node.edge;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the per-client rate limit right after Spring Security's filter chain, where the caller is known, the login
 * limit right before it, where credentials are not checked yet, and the failed-credential limit around both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limits, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Outermost of the three: it sees the response the whole security chain made. */
    @Bean
    FilterRegistrationBean<CredentialFailureFilter> credentialFailureFilter(RateLimitProperties limits,
                                                                           MeterRegistry meters) {
        FilterRegistrationBean<CredentialFailureFilter> registration = new FilterRegistrationBean<>(
                new CredentialFailureFilter(limits, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginRateLimitFilter> loginRateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        FilterRegistrationBean<LoginRateLimitFilter> registration = new FilterRegistrationBean<>(
                new LoginRateLimitFilter(limits, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
