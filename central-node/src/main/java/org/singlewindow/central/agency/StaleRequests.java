package org.singlewindow.central.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.persistence.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Central asks a ministry again about a request it received but never finished: an agency that answered at once
 * (DELIVERED, ACCEPTED, …) and then posted no final receipt within {@code sw.reconcile.after} (say its system
 * lost the request or the receipt in a crash) gets the same request again, same message id, same signature. A
 * ministry must answer a request it has seen before with that request's current state (the simulators answer the
 * same way every time); receipts already recorded are ignored. Asked again after {@code after}, then twice as long
 * each time, up to a day. A request never delivered is not asked again: it waits in its queue, or in its
 * dead-letter queue for an operator.
 */
@Component
@EnableConfigurationProperties(ReconcileProperties.class)
public class StaleRequests extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(StaleRequests.class);
    private static final int BATCH = 100;
    private static final Duration LONGEST = Duration.ofDays(1);

    private final AgencyRequestMapper requests;
    private final Outbox outbox;
    private final ReconcileProperties settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    public StaleRequests(AgencyRequestMapper requests, Outbox outbox, ReconcileProperties settings,
                         TransactionTemplate tx, Clock clock) {
        super("stale-requests", settings.interval(), false);
        this.requests = requests;
        this.outbox = outbox;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** One pass: forgets answered requests and asks again about the stale ones; returns how many were asked. */
    public int askAgain() {
        tx.executeWithoutResult(s -> requests.deleteAnswered(1000));
        Integer asked = tx.execute(s -> {
            Instant now = clock.instant();
            int n = 0;
            for (AgencyRequestRow row : requests.unanswered(now.minus(settings.after()), BATCH)) {
                if (row.askedAt().plus(wait(row.asks())).isAfter(now)) {
                    continue;
                }
                outbox.sendAgain(new Outbox.Sent(row.messageId(), row.queueName(), row.envelope()),
                        row.declarationId(), row.asks() + 1);
                requests.asked(row.messageId(), now);
                log.info("asking {} again about message {} of declaration {} (no final receipt since {})",
                        row.agency(), row.messageId(), row.declarationId(), row.askedAt());
                n++;
            }
            return n;
        });
        return asked == null ? 0 : asked;
    }

    /** How long to wait after the {@code asks}-th ask: {@code after}, doubling, at most a day. */
    private Duration wait(int asks) {
        Duration wait = settings.after().multipliedBy(1L << Math.min(asks, 16));
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    @Override
    protected void pass() {
        askAgain();
    }
}
