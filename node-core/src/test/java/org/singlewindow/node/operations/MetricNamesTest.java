package org.singlewindow.node.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The operations gauges never collide with the counters of the same figures in Prometheus: the dead-letter counter
 * ({@code sw.dead-letters}, by queue and reason, counted when a message is parked) and the dead-letter gauge (by
 * queue, what waits now) must be two families, or the second one registered is refused.
 */
class MetricNamesTest {

    @Test
    void a_parked_message_counter_and_the_dead_letter_gauge_should_both_be_scraped() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("sw.dead-letters", "queue", "sw.out.central", "reason", "UNPARSEABLE").increment();
        registry.gauge(OperationsMetrics.DEAD_LETTERS, io.micrometer.core.instrument.Tags.of("queue", "sw.out.central"),
                3.0);
        String scraped = registry.scrape();
        assertThat(scraped).contains("sw_dead_letters_total{queue=\"sw.out.central\",reason=\"UNPARSEABLE\"} 1.0");
        assertThat(scraped).contains(OperationsMetrics.DEAD_LETTERS.replace('.', '_') + "{queue=\"sw.out.central\"} 3.0");
    }
}
