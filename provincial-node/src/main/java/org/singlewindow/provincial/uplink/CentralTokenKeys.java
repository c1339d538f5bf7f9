package org.singlewindow.provincial.uplink;

import java.time.Clock;
import java.time.Duration;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.CachingJwkSource;
import org.singlewindow.node.identity.IssuerKeys;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys a province validates tokens with: central's, fetched from {@code <sw.central.base-url>/oauth2/jwks}
 * and cached (five minutes, or {@code sw.identity.jwks-max-stale} while central cannot be reached).
 */
@Configuration(proxyBeanMethods = false)
public class CentralTokenKeys {

    @Bean
    IssuerKeys centralKeys(ProvincialProperties provincial, NodeProperties node, Clock clock) {
        CachingJwkSource keys = new CachingJwkSource(provincial.central().baseUrl().resolve("/oauth2/jwks"),
                Duration.ofMinutes(5), node.identity().jwksMaxStale(), clock);
        return keys::get;
    }
}
