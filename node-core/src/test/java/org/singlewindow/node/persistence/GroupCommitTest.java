package org.singlewindow.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.singlewindow.node.config.NodeProperties;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work handed in while a group runs commits together, one unit's failure fails that unit alone, a group never
 * exceeds its size, and each unit runs with its caller's logging context.
 */
class GroupCommitTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final Map<String, String> contexts = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private JdbcTemplate db;
    private TransactionTemplate tx;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        db = new JdbcTemplate(dataSource);
        db.execute("create table unit (id varchar(40) primary key)");
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        manager.addListener(new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                if (failure == null) {
                    commits.incrementAndGet();
                }
            }
        });
        tx = new TransactionTemplate(manager);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void work_handed_in_while_a_group_runs_should_commit_together_each_unit_in_its_callers_context()
            throws Exception {
        GroupCommit group = groupCommit(16);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdingItsGroupOpen(group, release);
        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "unit-" + i;
            others.add(threads.submit(() -> {
                MDC.put("messageId", id);
                group.run(() -> {
                    contexts.put(id, String.valueOf(MDC.get("messageId")));
                    insert(id);
                });
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 7);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(count()).isEqualTo(8);
        assertThat(commits).as("the first unit's transaction, then one for the seven").hasValue(2);
        contexts.forEach((id, context) -> assertThat(context).isEqualTo(id));
        assertThat(contexts).hasSize(7);
    }

    @Test
    void a_failing_unit_should_fail_alone_with_its_own_exception_and_the_rest_of_its_group_should_commit()
            throws Exception {
        GroupCommit group = groupCommit(16);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdingItsGroupOpen(group, release);
        Future<?> before = threads.submit(() -> group.run(() -> insert("before")));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 1);
        Future<?> failing = threads.submit(() -> group.run(() -> {
            insert("failing");
            throw new IllegalStateException("this unit cannot be applied");
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 2);
        Future<?> after = threads.submit(() -> group.run(() -> insert("after")));
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 3);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        assertThat(failing).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOf(IllegalStateException.class)
                .withMessage("this unit cannot be applied");
        assertThat(db.queryForList("select id from unit order by id", String.class))
                .containsExactly("after", "before", "first");
        assertThat(commits).as("first; the group of three rolled back; before and after alone").hasValue(3);
    }

    @Test
    void a_group_should_hold_at_most_its_size() throws Exception {
        GroupCommit group = groupCommit(3);
        CountDownLatch release = new CountDownLatch(1);
        holdingItsGroupOpen(group, release);
        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "unit-" + i;
            others.add(threads.submit(() -> group.run(() -> insert(id))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 7);
        release.countDown();
        for (Future<?> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(count()).isEqualTo(8);
        assertThat(commits).as("first, then groups of 3, 3 and 1").hasValue(4);
    }

    /** A first unit that keeps its group's transaction open until {@code release}; returned once it runs. */
    private Future<?> holdingItsGroupOpen(GroupCommit group, CountDownLatch release) {
        Future<?> first = threads.submit(() -> group.run(() -> {
            insert("first");
            hold(release);
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 0 && group.waiting() == 0 && !first.isDone());
        return first;
    }

    private GroupCommit groupCommit(int maxSize) {
        NodeProperties node = new Binder(new MapConfigurationPropertySource(Map.of("sw.group-commit.max-size",
                String.valueOf(maxSize)))).bindOrCreate("sw", NodeProperties.class);
        return new GroupCommit(tx, node);
    }

    private void insert(String id) {
        db.update("insert into unit (id) values (?)", id);
    }

    private int count() {
        return db.queryForObject("select count(*) from unit", Integer.class);
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
