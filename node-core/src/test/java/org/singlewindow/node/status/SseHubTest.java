package org.singlewindow.node.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.web.ApiExceptionHandler;
import org.singlewindow.node.web.AsyncRequests;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An event stream delivers a declaration's final status even when what should have woken it failed: a read the
 * database refused, a notification that never came; its first bytes are written on the request's own thread; one
 * that outlives its time limit just ends. The stream is served
 * by Spring MVC (MockMvc, asynchronous, with the nodes' error handling) over a mapper that answers as scripted.
 */
class SseHubTest {

    private final StatusMapper events = mock(StatusMapper.class);
    private SseHub hub;
    private MockMvc mvc;

    @AfterEach
    void stop() {
        hub.destroy();
    }

    @Test
    void when_the_database_refuses_a_read_the_stream_should_read_again_and_deliver_the_final_status() throws Exception {
        when(events.eventsAfter("d-1", 0))
                .thenThrow(new TransientDataAccessResourceException("Connection is not available, request timed out"))
                .thenReturn(List.of(status(1, "d-1", OverallStatus.RECEIVED),
                        status(2, "d-1", OverallStatus.COMPLETED)));
        hub = hub(Duration.ofMinutes(10));

        MvcResult stream = open("d-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> body(stream).contains("\"status\":\"COMPLETED\""));
        assertThat(body(stream)).contains("id:1", "id:2").doesNotContain("keep-alive");
    }

    @Test
    void when_a_notification_never_comes_the_heartbeat_should_catch_up_and_end_the_stream() throws Exception {
        when(events.eventsAfter("d-2", 0)).thenReturn(List.of(status(1, "d-2", OverallStatus.RECEIVED)));
        when(events.eventsAfter("d-2", 1))
                .thenReturn(List.of())
                .thenReturn(List.of(status(2, "d-2", OverallStatus.COMPLETED)));
        hub = hub(Duration.ofMillis(100));

        MvcResult stream = open("d-2");

        // the final status is in the database, but nobody calls hub.changed("d-2"): read again within 4 heartbeats
        await().atMost(Duration.ofSeconds(10)).until(() -> body(stream).contains("\"status\":\"COMPLETED\""));
        assertThat(body(stream)).contains("id:1", "id:2");
        MvcResult again = open("d-2");
        assertThat(again.getRequest().isAsyncStarted()).as("the first stream ended and freed its place").isTrue();
    }

    @Test
    void while_the_database_stays_down_a_stream_should_read_about_once_a_heartbeat_not_more_and_more()
            throws Exception {
        AtomicBoolean databaseUp = new AtomicBoolean();
        when(events.eventsAfter("d-3", 0)).thenAnswer(read -> {
            if (!databaseUp.get()) {
                throw new TransientDataAccessResourceException("Connection refused");
            }
            return List.of(status(1, "d-3", OverallStatus.COMPLETED));
        });
        hub = hub(Duration.ofMillis(50));

        MvcResult stream = open("d-3");

        await().atMost(Duration.ofSeconds(20)).until(() -> beats(stream) >= 24);
        int beats = beats(stream);
        int reads = mockingDetails(events).getInvocations().size();
        assertThat(reads).as("%d reads in %d heartbeats: a retry per heartbeat and a catch-up every %d, not piling up",
                reads, beats, SseHub.CATCH_UP_BEATS).isLessThanOrEqualTo(2 * beats + 5);
        databaseUp.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> body(stream).contains("\"status\":\"COMPLETED\""));
    }

    @Test
    void a_stream_should_replay_on_the_request_thread_so_its_first_bytes_leave_with_the_response() throws Exception {
        List<String> readers = new CopyOnWriteArrayList<>();
        when(events.eventsAfter("d-5", 0)).thenAnswer(read -> {
            readers.add(Thread.currentThread().getName());
            return List.of(status(1, "d-5", OverallStatus.RECEIVED));
        });
        hub = hub(Duration.ofMinutes(10));

        MvcResult stream = open("d-5");

        assertThat(readers).first().as("the first read").isEqualTo(Thread.currentThread().getName());
        assertThat(body(stream)).as("written before the request's thread returned").contains("id:1");
    }

    @Test
    void a_stream_with_nothing_to_replay_should_say_it_is_open_before_the_request_thread_returns() throws Exception {
        when(events.eventsAfter("d-6", 7)).thenReturn(List.of());
        hub = hub(Duration.ofMinutes(10));

        MvcResult stream = open("d-6", 7);

        assertThat(body(stream)).isEqualTo(":open\n\n");
    }

    @Test
    void a_stream_reaching_its_time_limit_should_end_quietly_not_as_a_failure() throws Exception {
        when(events.eventsAfter("d-4", 0)).thenReturn(List.of(status(1, "d-4", OverallStatus.RECEIVED)));
        hub = hub(Duration.ofMinutes(10));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger handlerLog = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
        handlerLog.addAppender(logged);
        try {
            MvcResult stream = open("d-4");
            await().atMost(Duration.ofSeconds(10)).until(() -> body(stream).contains("id:1"));

            // what Tomcat does at sw.intake.sse-timeout, or to the streams still open when the node stops
            AsyncRequests.timeOut(stream);
            mvc.perform(asyncDispatch(stream)).andExpect(MockMvcResultMatchers.status().isOk());

            assertThat(logged.list).as("nothing logged as an unexpected failure").isEmpty();
            assertThat(body(stream)).contains("id:1").doesNotContain("INTERNAL");
        } finally {
            handlerLog.detachAppender(logged);
        }
    }

    private static int beats(MvcResult stream) throws Exception {
        return body(stream).split("keep-alive", -1).length - 1;
    }

    private SseHub hub(Duration heartbeat) {
        NodeProperties node = new Binder(new MapConfigurationPropertySource(Map.of(
                "sw.intake.sse-heartbeat", heartbeat.toMillis() + "ms",
                "sw.intake.max-streams-per-client", "1"))).bindOrCreate("sw", NodeProperties.class);
        return new SseHub(events, node, new StaticListableBeanFactory().getBeanProvider(ClusterEvents.class));
    }

    private MvcResult open(String declarationId) throws Exception {
        return open(declarationId, 0);
    }

    private MvcResult open(String declarationId, long lastEventId) throws Exception {
        mvc = AsyncRequests.mvc(new Streams(hub));
        return mvc.perform(get("/events/" + declarationId).header("Last-Event-ID", lastEventId))
                .andExpect(request().asyncStarted()).andReturn();
    }

    private static String body(MvcResult stream) throws Exception {
        return stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static EventRow status(long id, String declarationId, OverallStatus status) {
        Instant at = Instant.parse("2026-12-04T08:00:00Z").plusSeconds(id);
        return new EventRow(id, declarationId, EventKind.STATUS.name(), "310000", null, status.name(), null,
                null, null, at, at);
    }

    @RestController
    record Streams(SseHub hub) {
        @GetMapping("/events/{id}")
        SseEmitter events(@PathVariable String id,
                          @RequestHeader(name = "Last-Event-ID", defaultValue = "0") long lastEventId) {
            return hub.open(id, lastEventId, "client-1");
        }
    }
}
