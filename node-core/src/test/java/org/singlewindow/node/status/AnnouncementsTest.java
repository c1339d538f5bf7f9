package org.singlewindow.node.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changed declarations announced while a message is being sent go together in the next one, and none is lost. */
class AnnouncementsTest {

    private final Queue<String> messages = new ConcurrentLinkedQueue<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final ExecutorService committers = Executors.newFixedThreadPool(8);
    private final CountDownLatch sending = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        sender.shutdownNow();
        committers.shutdownNow();
    }

    @Test
    void ids_added_while_a_message_is_sent_should_go_together_in_the_next() throws Exception {
        Announcements announcements = heldAtFirstMessage();

        announcements.add(List.of("d-1"));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        announcements.add(List.of("d-2", "d-3"));
        announcements.add(List.of("d-3", "d-4"));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> ids().size() == 4);
        assertThat(messages).hasSize(2);
        assertThat(Announcements.ids(messages.poll())).containsExactly("d-1");
        assertThat(Announcements.ids(messages.poll())).containsExactlyInAnyOrder("d-2", "d-3", "d-4");
    }

    @Test
    void a_message_should_name_at_most_its_limit_and_the_rest_follow() throws Exception {
        Announcements announcements = heldAtFirstMessage();

        announcements.add(List.of("first"));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        announcements.add(IntStream.range(0, 600).mapToObj(i -> "d-" + i).toList());
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> ids().size() == 601);
        assertThat(messages).allSatisfy(body ->
                assertThat(Announcements.ids(body)).hasSizeLessThanOrEqualTo(Announcements.MOST_PER_MESSAGE));
        assertThat(messages).hasSize(4); // "first", then 256 + 256 + 88
    }

    @Test
    void many_threads_announcing_at_once_should_have_every_id_sent_exactly_once() {
        Announcements announcements = new Announcements(messages::add, sender);

        IntStream.range(0, 8).forEach(thread -> committers.execute(() -> IntStream.range(0, 2_000)
                .forEach(i -> announcements.add(List.of(thread + "-" + i)))));

        await().atMost(Duration.ofSeconds(30)).until(() -> ids().size() >= 16_000);
        assertThat(ids()).hasSize(16_000).doesNotHaveDuplicates();
    }

    @Test
    void an_id_added_just_as_the_sender_finds_nothing_left_should_still_be_sent() {
        LateArrival pending = new LateArrival();
        Announcements announcements = new Announcements(messages::add, sender, pending);
        // after the first message, the sender looks for more and finds none; at that moment another committer
        // adds an id, and, the sender still being busy, leaves it to the sender
        pending.whenFoundEmpty = () -> announcements.add(List.of("late"));

        announcements.add(List.of("first"));

        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains("late"));
        assertThat(pending.whenFoundEmpty).as("the late id came when the sender found nothing left").isNull();
        assertThat(ids()).containsExactly("first", "late");
    }

    /**
     * The pending ids, which, once a message has been sent, runs {@code whenFoundEmpty} (once) as a sender's look
     * for more finds none: exactly between its last look and its stopping.
     */
    private final class LateArrival extends AbstractSet<String> {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private volatile Runnable whenFoundEmpty;

        @Override
        public Iterator<String> iterator() {
            Iterator<String> it = ids.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = it.hasNext();
                    Runnable late = whenFoundEmpty;
                    if (!more && late != null && !messages.isEmpty()) {
                        whenFoundEmpty = null;
                        late.run();
                    }
                    return more;
                }

                @Override
                public String next() {
                    return it.next();
                }

                @Override
                public void remove() {
                    it.remove();
                }
            };
        }

        @Override
        public boolean add(String id) {
            return ids.add(id);
        }

        @Override
        public int size() {
            return ids.size();
        }
    }

    /** Announcements whose first message waits, once {@code sending} is counted down, for {@code release}. */
    private Announcements heldAtFirstMessage() {
        return new Announcements(body -> {
            if (messages.isEmpty()) {
                sending.countDown();
                waitFor(release);
            }
            messages.add(body);
        }, sender);
    }

    private List<String> ids() {
        return messages.stream().flatMap(body -> Announcements.ids(body).stream()).toList();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
