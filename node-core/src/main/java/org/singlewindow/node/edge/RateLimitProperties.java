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
 * @param failuresPerMinute failed credentials (a wrong password, secret or token) per minute allowed per presented
 *                  name (user or client id) once its burst is spent; beyond, 429 before any credential is checked
 * @param failureBurst failed credentials a name may have at once
 * @param addressFailuresPerMinute failed credentials per minute per remote address, whatever the name
 * @param addressFailureBurst failed credentials an address may have at once
 */
@ConfigurationProperties("sw.edge.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50") double perSecond,
                                  @DefaultValue("100") int burst, Map<String, Double> clients,
                                  @DefaultValue("2") double loginPerSecond, @DefaultValue("20") int loginBurst,
                                  @DefaultValue("1") double failuresPerMinute, @DefaultValue("5") int failureBurst,
                                  @DefaultValue("60") double addressFailuresPerMinute,
                                  @DefaultValue("100") int addressFailureBurst) {

    public RateLimitProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
}
