package org.singlewindow.node.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a node keeps what only grows ({@code sw.retention.*}).
 *
 * @param interval   how often old rows are pruned
 * @param inbox      message ids the idempotent consumer remembers: longer than any message can be redelivered or
 *                   replayed from a dead-letter queue (a message replayed after that may be applied again)
 * @param peerCopies copies received from peer provinces, for local services
 * @param nonces     request nonces kept to refuse a replayed signed request (at least the accepted clock window)
 * @param batch      rows deleted per statement (short transactions, no long locks)
 */
@ConfigurationProperties("sw.retention")
public record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("30d") Duration inbox,
                                  @DefaultValue("180d") Duration peerCopies, @DefaultValue("1d") Duration nonces,
                                  @DefaultValue("1000") int batch) {
}
