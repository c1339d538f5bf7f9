package org.singlewindow.node.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass over the node's database made every so often on a thread of its own (pruning, signing checkpoints, asking
 * ministries again): started with the node, stopped before its database closes. A pass that fails is logged and
 * made again at the next turn.
 */
public abstract class PeriodicPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

    private final String name;
    private final Duration every;
    private final boolean atStartAndStop;
    private ScheduledExecutorService timer;

    /**
     * @param name           the thread's name, and the pass's in the log
     * @param every          the delay between passes
     * @param atStartAndStop also pass once right at start and once at stop
     */
    protected PeriodicPass(String name, Duration every, boolean atStartAndStop) {
        this.name = name;
        this.every = every;
        this.atStartAndStop = atStartAndStop;
    }

    /** One pass. */
    protected abstract void pass();

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(this::quietly, atStartAndStop ? 0 : millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            if (atStartAndStop) {
                quietly();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void quietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("{} pass failed, will be made again in {}: {}", name, every, e.toString());
        }
    }
}
