package org.singlewindow.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Items gathered in a transaction reach their action once, together, after it commits; never after a rollback. */
class AfterCommitTest {

    private final List<Set<String>> runs = new ArrayList<>();
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:after-" + UUID.randomUUID(), "sa", "")));

    @Test
    void items_gathered_in_one_transaction_should_reach_the_action_once_after_commit() {
        tx.executeWithoutResult(status -> {
            AfterCommit.collect("sse", "d-1", runs::add);
            AfterCommit.collect("sse", "d-2", runs::add);
            AfterCommit.collect("sse", "d-1", runs::add);
            assertThat(runs).isEmpty();
        });
        tx.executeWithoutResult(status -> AfterCommit.collect("sse", "d-3", runs::add));

        assertThat(runs).containsExactly(Set.of("d-1", "d-2"), Set.of("d-3"));
    }

    @Test
    void a_rolled_back_transaction_should_run_nothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            AfterCommit.collect("sse", "d-1", runs::add);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        tx.executeWithoutResult(status -> AfterCommit.collect("sse", "d-2", runs::add));

        assertThat(runs).containsExactly(Set.of("d-2"));
    }
}
