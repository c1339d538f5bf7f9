package org.singlewindow.node.transport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The health of each link this node consumes through (one per consuming route: a ministry link, central's intake,
 * a province's uplink and results): up or down, since when, the last failure's reason and how many attempts in a
 * row have failed. Routes report each success; the shared error policy reports each failed attempt it retries.
 */
@Component
public class LinkHealth {

    /** A link as operators see it. */
    public record State(String link, boolean up, Instant since, Instant lastSuccess, Instant lastFailure,
                        String lastReason, long failuresInARow) {
    }

    private final Clock clock;
    private final Map<String, State> links = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public LinkHealth(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    /** Marks a link known (up) before its first message. */
    public void register(String link) {
        links.putIfAbsent(link, new State(link, true, clock.instant(), null, null, null, 0));
        gauge(link);
    }

    /** {@code sw_link_up{link}}: 1 while the link works, 0 while it is down; from the first time the link is seen. */
    private void gauge(String link) {
        if (gauged.add(link)) {
            Gauge.builder("sw.link.up", links, all -> all.containsKey(link) && all.get(link).up() ? 1 : 0)
                    .tag("link", link).description("1 while the link works, 0 while it is down").register(meters);
        }
    }

    /** The exchange's route (its link) delivered a message. */
    public void succeeded(Exchange exchange) {
        succeeded(exchange.getFromRouteId());
    }

    public void succeeded(String link) {
        Instant now = clock.instant();
        links.compute(link, (k, s) -> s == null || !s.up()
                ? new State(link, true, now, now, s == null ? null : s.lastFailure(), s == null ? null : s.lastReason(), 0)
                : new State(link, true, s.since(), now, s.lastFailure(), s.lastReason(), 0));
        gauge(link);
    }

    /** An attempt on the exchange's route (its link) failed and will be retried. */
    public void retrying(Exchange exchange) {
        failed(exchange.getFromRouteId(), Failures.classify(Failures.of(exchange)).reason());
    }

    public void failed(String link, String reason) {
        Instant now = clock.instant();
        links.compute(link, (k, s) -> s == null || s.up()
                ? new State(link, false, now, s == null ? null : s.lastSuccess(), now, reason, 1)
                : new State(link, false, s.since(), s.lastSuccess(), now, reason, s.failuresInARow() + 1));
        gauge(link);
    }

    public List<State> states() {
        return links.values().stream().sorted(java.util.Comparator.comparing(State::link)).toList();
    }
}
