package org.singlewindow.node.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.singlewindow.node.config.QueueNames;
import org.springframework.stereotype.Component;

/**
 * The operations figures as metrics ({@code /actuator/prometheus}): each operated queue's backlog, the age of its
 * oldest waiting message and what waits in its dead-letter queue ({@code sw_queue_messages},
 * {@code sw_queue_oldest_age_seconds}, {@code sw_queue_dead_letters}, by {@code queue}; not {@code sw_dead_letters},
 * the counter of parkings by queue and reason, whose family it would collide with). Refusals are counted where they
 * happen ({@code sw_envelopes_refused}, by {@code reason}) and links are up or down where they are watched
 * ({@code sw_link_up{link}}, {@code LinkHealth}). Queue figures are read from the brokers at most once per
 * {@link #FRESH} however many gauges a scrape reads; a broker that cannot be read gives NaN.
 */
@Component
public class OperationsMetrics implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(5);
    /** What waits in a queue's dead-letter queue now (the counter of parkings is {@code sw.dead-letters}). */
    static final String DEAD_LETTERS = "sw.queue.dead.letters";

    private final OperatedQueues operated;
    private final QueueStats stats;
    private final QueueNames names;
    private final Clock clock;
    private Map<String, QueueStats.Backlog> snapshot = Map.of();
    private Instant takenAt;

    public OperationsMetrics(OperatedQueues operated, QueueStats stats, QueueNames names, Clock clock) {
        this.operated = operated;
        this.stats = stats;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : operated.all()) {
            Gauge.builder("sw.queue.messages", () -> value(queue, QueueStats.Backlog::messages))
                    .tag("queue", queue).description("messages waiting").register(registry);
            Gauge.builder("sw.queue.oldest.age", () -> value(queue, QueueStats.Backlog::oldestAgeSeconds))
                    .tag("queue", queue).baseUnit("seconds").description("age of the oldest waiting message")
                    .register(registry);
            Gauge.builder(DEAD_LETTERS, () -> value(names.deadLetter(queue), QueueStats.Backlog::messages))
                    .tag("queue", queue).description("messages parked in the queue's dead-letter queue")
                    .register(registry);
        }
    }

    private double value(String queue, java.util.function.Function<QueueStats.Backlog, Number> figure) {
        QueueStats.Backlog backlog = fresh().get(queue);
        Number value = backlog == null ? null : figure.apply(backlog);
        return value == null ? Double.NaN : value.doubleValue();
    }

    /** The queues' figures, read again when older than {@link #FRESH}. */
    private synchronized Map<String, QueueStats.Backlog> fresh() {
        Instant now = clock.instant();
        if (takenAt == null || Duration.between(takenAt, now).compareTo(FRESH) > 0) {
            Map<String, QueueStats.Backlog> read = new HashMap<>();
            for (String queue : operated.all()) {
                for (String q : new String[] {queue, names.deadLetter(queue)}) {
                    try {
                        read.put(q, stats.of(q));
                    } catch (RuntimeException unreadable) {
                        read.remove(q);
                    }
                }
            }
            snapshot = read;
            takenAt = now;
        }
        return snapshot;
    }
}
