package org.singlewindow.central.agency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Asking ministries again ({@code sw.reconcile.*}, central).
 *
 * @param after    how long an agency may stay without a final receipt after it received a request before it is asked
 *                 again (then twice as long each time, up to a day)
 * @param interval how often central looks for such requests
 */
@ConfigurationProperties("sw.reconcile")
public record ReconcileProperties(@DefaultValue("15m") Duration after, @DefaultValue("1m") Duration interval) {
}
