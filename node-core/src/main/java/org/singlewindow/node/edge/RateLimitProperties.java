package org.singlewindow.node.edge;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits at the edge ({@code sw.edge.rate-limit.*}): a token bucket per authenticated client (per
 * address for anonymous calls) refilled at {@code perSecond} up to {@code burst}.
 *
 * @param enabled   on by default
 * @param perSecond sustained requests per second per client
 * @param burst     requests a client may send at once after being idle
 * @param clients   per-client overrides of {@code perSecond} (burst scales with it), by client id
 * @param loginPerSecond login attempts ({@code POST /login}, {@code POST /oauth2/token}) per second per address,
 *                  counted before the credentials are checked (password guessing)
 * @param loginBurst login attempts an address may make at once
 */
@ConfigurationProperties("sw.edge.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50") double perSecond,
                                  @DefaultValue("100") int burst, Map<String, Double> clients,
                                  @DefaultValue("2") double loginPerSecond, @DefaultValue("20") int loginBurst) {

    public RateLimitProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
}
