package org.singlewindow.node.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.singlewindow.node.persistence.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Prunes the tables that only grow, by {@code sw.retention}: what their features {@link #register} (the inbox's
 * message ids, a province's peer copies, central's expired authorizations, used request nonces), in batches
 * (each its own short transaction), every {@code interval}. Declarations, their events and the audit log are
 * records and are never pruned here.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class Retention extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionProperties retention;
    private final Clock clock;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** A table pruned by age: its retention and its delete of one batch of rows older than a given instant. */
    private record Table(Duration keep, BiFunction<Instant, Integer, Integer> deleteBatch) {
    }

    public Retention(RetentionProperties retention, Clock clock) {
        super("retention", retention.interval(), false);
        this.retention = retention;
        this.clock = clock;
    }

    /** Another table to prune, e.g. used nonces; registered by the feature that owns it. */
    public void register(String table, Duration keep, BiFunction<Instant, Integer, Integer> deleteBatch) {
        tables.put(table, new Table(keep, deleteBatch));
    }

    /** Prunes every table once, now; returns how many rows each lost. */
    public Map<String, Integer> prune() {
        Instant now = clock.instant();
        Map<String, Integer> pruned = new LinkedHashMap<>();
        tables.forEach((name, table) -> {
            int total = 0;
            for (int n = retention.batch(); n == retention.batch(); total += n) {
                n = table.deleteBatch().apply(now.minus(table.keep()), retention.batch());
            }
            pruned.put(name, total);
            if (total > 0) {
                log.info("retention: {} row(s) older than {} pruned from {}", total, table.keep(), name);
            }
        });
        return pruned;
    }

    @Override
    protected void pass() {
        prune();
    }
}
