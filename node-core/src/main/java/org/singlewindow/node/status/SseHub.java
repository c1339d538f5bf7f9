package org.singlewindow.node.status;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.singlewindow.contracts.document.OverallStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per declaration. A stream replays the events after the client's {@code Last-Event-ID},
 * then follows live. Each notification makes a stream read what it has not sent yet from the database, so
 * events go out in append order with no gap and no repeat, whatever the timing of commits and notifications.
 * A stream ends after the final status.
 */
@Component
public class SseHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);

    private final StatusMapper events;
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sse-sender");
        t.setDaemon(true);
        return t;
    });

    public SseHub(StatusMapper events) {
        this.events = events;
    }

    /** Opens a stream for a declaration the caller may read. */
    public SseEmitter open(String declarationId, long lastEventId, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Stream stream = new Stream(declarationId, emitter, lastEventId);
        streams.computeIfAbsent(declarationId, k -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable remove = () -> remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        sender.execute(stream::flush);
        return emitter;
    }

    /** Called after a commit appended events to a declaration. */
    public void changed(String declarationId) {
        Set<Stream> open = streams.get(declarationId);
        if (open != null) {
            open.forEach(s -> sender.execute(s::flush));
        }
    }

    private void remove(Stream stream) {
        streams.computeIfPresent(stream.declarationId, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void destroy() {
        streams.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        sender.shutdownNow();
    }

    private final class Stream {
        private final String declarationId;
        private final SseEmitter emitter;
        private long lastSent;
        private boolean done;

        Stream(String declarationId, SseEmitter emitter, long lastSent) {
            this.declarationId = declarationId;
            this.emitter = emitter;
            this.lastSent = lastSent;
        }

        synchronized void flush() {
            if (done) {
                return;
            }
            List<EventRow> fresh = events.eventsAfter(declarationId, lastSent);
            try {
                for (EventRow row : fresh) {
                    emitter.send(SseEmitter.event().id(String.valueOf(row.id())).name(row.kind().toLowerCase())
                            .data(EventView.of(row), MediaType.APPLICATION_JSON));
                    lastSent = row.id();
                    if (EventKind.STATUS.name().equals(row.kind()) && OverallStatus.valueOf(row.status()).isFinal()) {
                        done = true;
                        emitter.complete();
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("event stream of {} closed: {}", declarationId, e.toString());
                done = true;
                remove(this);
            }
        }
    }
}
