package org.singlewindow.node.status;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per declaration. A stream replays the events after the client's {@code Last-Event-ID},
 * then follows live. Each notification makes a stream read what it has not sent yet from the database, so
 * events go out in append order with no gap and no repeat, whatever the timing of commits and notifications.
 * A stream ends after the final status. One client holds at most {@code sw.intake.max-streams-per-client} streams
 * (429 {@code TOO_MANY_STREAMS} beyond); a comment line every {@code sw.intake.sse-heartbeat} notices a client that
 * went away and frees its stream.
 * <p>
 * A notification is only a hint to read: a read the database refused is tried again (after 100 ms, doubling up to
 * the heartbeat), and every {@value #CATCH_UP_BEATS}th heartbeat reads too before its comment line, so a stream
 * catches up on an event whose notification was lost (another instance's announcement that never arrived) within
 * that many heartbeats (a minute by default) while an idle stream costs the database one read a minute.
 */
@Component
public class SseHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);
    /** Every how many heartbeats a stream reads whether or not it was notified. */
    static final int CATCH_UP_BEATS = 4;

    private final StatusMapper events;
    private final NodeProperties.Intake limits;
    private final ObjectProvider<ClusterEvents> cluster;
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sse-sender");
        t.setDaemon(true);
        return t;
    });

    public SseHub(StatusMapper events, NodeProperties node, ObjectProvider<ClusterEvents> cluster) {
        this.events = events;
        this.cluster = cluster;
        this.limits = node.intake();
        long beat = limits.sseHeartbeat().toMillis();
        sender.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream for a declaration the caller may read.
     *
     * @throws Refusal 429 when the client already holds its maximum of open streams
     */
    public SseEmitter open(String declarationId, long lastEventId, String clientId) {
        AtomicInteger held = perClient.computeIfAbsent(clientId, c -> new AtomicInteger());
        if (held.incrementAndGet() > limits.maxStreamsPerClient()) {
            held.decrementAndGet();
            throw new Refusal(Refusal.Kind.THROTTLED, "TOO_MANY_STREAMS", "Too many event streams",
                    "事件流过多", "this client already holds " + limits.maxStreamsPerClient() + " open event streams; "
                    + "close one first", "该客户端已打开 " + limits.maxStreamsPerClient() + " 个事件流，请先关闭其中一个")
                    .retryAfter(Math.max(1, limits.sseHeartbeat().toSeconds()));
        }
        SseEmitter emitter = new SseEmitter(limits.sseTimeout().toMillis());
        Stream stream = new Stream(declarationId, clientId, emitter, lastEventId);
        streams.compute(declarationId, (k, set) -> { // atomic with remove(): never added to a set just dropped
            Set<Stream> open = set == null ? ConcurrentHashMap.newKeySet() : set;
            open.add(stream);
            return open;
        });
        Runnable remove = () -> remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        stream.start();
        return emitter;
    }

    /**
     * Called after a commit appended events to declarations: pushes them to the streams this instance holds and,
     * when the node runs as several instances, announces the change to the others ({@link ClusterEvents}).
     */
    public void changed(Collection<String> declarationIds) {
        declarationIds.forEach(this::changedHere);
        ClusterEvents cluster = this.cluster.getIfAvailable();
        if (cluster != null) {
            cluster.announce(declarationIds);
        }
    }

    /** Pushes a declaration's new events to the streams this instance holds. */
    public void changedHere(String declarationId) {
        Set<Stream> open = streams.get(declarationId);
        if (open != null) {
            open.forEach(s -> sender.execute(s::flush));
        }
    }

    private void heartbeat() {
        streams.values().forEach(set -> set.forEach(s -> sender.execute(s::beat)));
    }

    private void remove(Stream stream) {
        if (!stream.removed.compareAndSet(false, true)) {
            return;
        }
        streams.computeIfPresent(stream.declarationId, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        perClient.computeIfPresent(stream.clientId, (k, held) -> held.decrementAndGet() <= 0 ? null : held);
    }

    @Override
    public void destroy() {
        streams.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        sender.shutdownNow();
    }

    private final class Stream {
        private final String declarationId;
        private final String clientId;
        private final SseEmitter emitter;
        private final AtomicBoolean removed = new AtomicBoolean();
        private long lastSent;
        private boolean done;
        private int failedReads;
        private boolean readAgainPending;
        private int beats;

        Stream(String declarationId, String clientId, SseEmitter emitter, long lastSent) {
            this.declarationId = declarationId;
            this.clientId = clientId;
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        synchronized void flush() {
            if (done) {
                return;
            }
            List<EventRow> fresh;
            try {
                fresh = events.eventsAfter(declarationId, lastSent);
            } catch (RuntimeException e) {
                readAgainLater(e);
                return;
            }
            failedReads = 0;
            try {
                for (EventRow row : fresh) {
                    emitter.send(SseEmitter.event().id(String.valueOf(row.id())).name(row.kind().toLowerCase())
                            .data(EventView.of(row), MediaType.APPLICATION_JSON));
                    lastSent = row.id();
                    if (EventKind.STATUS.name().equals(row.kind()) && OverallStatus.valueOf(row.status()).isFinal()) {
                        done = true;
                        emitter.complete();
                        remove(this);
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                gone(e);
            }
        }

        /**
         * Replays what the client has not seen, or says the stream is open, on the request's own thread: Spring
         * writes it when it takes the emitter, before this thread goes back through the filters. A first write from
         * another thread would commit the response while this thread may still be adding headers on its way back
         * (Spring Security's HeaderWriterFilter, spring-security#15510), and Tomcat's response is not thread-safe:
         * seen as a stream that never sent a byte, not even its heartbeats.
         */
        synchronized void start() {
            long before = lastSent;
            flush();
            if (lastSent == before && !done) {
                try {
                    emitter.send(SseEmitter.event().comment("open"));
                } catch (IOException | IllegalStateException e) {
                    gone(e);
                }
            }
        }

        synchronized void beat() {
            if (++beats % CATCH_UP_BEATS == 0) {
                flush();
            }
            if (done) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                gone(e);
            }
        }

        /** Schedules one read again, unless one is already scheduled (a heartbeat's failed read adds none). */
        private void readAgainLater(RuntimeException e) {
            long delay = Math.min(limits.sseHeartbeat().toMillis(), 100L << Math.min(failedReads++, 16));
            log.warn("event stream of {} could not read its events, reading again in {} ms: {}", declarationId, delay,
                    e.toString());
            if (!readAgainPending) {
                readAgainPending = true;
                sender.schedule(this::readAgain, delay, TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void readAgain() {
            readAgainPending = false;
            flush();
        }

        private void gone(Exception e) {
            log.debug("event stream of {} closed: {}", declarationId, e.toString());
            done = true;
            remove(this);
        }
    }
}
