package org.singlewindow.provincial.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhooks (issue 28), at a province.
 *
 * @param allowLoopback    accept endpoints on 127.0.0.1 over plain HTTP (the local profile only: a receiver on the
 *                         developer's machine); otherwise an endpoint is HTTPS on a public address
 * @param connectTimeout   connecting to an endpoint
 * @param responseTimeout  waiting for its answer
 * @param responseCap      the most of an answer read (the rest is dropped)
 * @param firstRetry       the wait after a first failure; each next wait doubles, up to {@code maxRetry}
 * @param maxRetry         the longest wait between two attempts
 * @param giveUpAfter      how long a delivery is tried before it is given up (FAILED, in the log)
 * @param pauseAfter       consecutive failed attempts after which an endpoint is paused (its enterprise resumes it)
 * @param maxPerEnterprise the most endpoints one enterprise registers
 * @param poll             how often due deliveries are looked for
 */
@ConfigurationProperties("sw.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowLoopback,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("10s") Duration responseTimeout,
                                @DefaultValue("64KB") DataSize responseCap,
                                @DefaultValue("1s") Duration firstRetry,
                                @DefaultValue("1h") Duration maxRetry,
                                @DefaultValue("24h") Duration giveUpAfter,
                                @DefaultValue("20") int pauseAfter,
                                @DefaultValue("10") int maxPerEnterprise,
                                @DefaultValue("500ms") Duration poll) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
