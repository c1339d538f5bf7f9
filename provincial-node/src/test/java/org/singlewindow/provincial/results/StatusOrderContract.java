package org.singlewindow.provincial.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.node.atrest.AtRestConfiguration;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.status.SseHub;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.status.UnknownDeclarationException;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.provincial.support.HandlerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's status is the same whatever order and concurrency its messages arrive in: the dispatch notice, two
 * agencies' receipts (one of them final, the other final too) and a duplicate, started together at a barrier on
 * four threads, 100 rounds; and, one at a time, receipts before the notice and a notice after the final status.
 * Each message is applied by the real handler in a transaction of its own, as the inbound dispatcher applies it.
 * Subclasses choose the database.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({AtRestConfiguration.class, org.singlewindow.node.persistence.ConnectionSettings.class, StatusService.class,
        SseHub.class, AuditLog.class, DispatchNoticeHandler.class, ReceiptHandler.class, EnvelopeCodec.class,
        HandlerFixtures.Beans.class})
@TestPropertySource(properties = {
        "spring.test.database.replace=none",
        "sw.code=310000",
        "mybatis.type-handlers-package=org.singlewindow.node.persistence",
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "mybatis.configuration.arg-name-based-constructor-auto-mapping=true"})
abstract class StatusOrderContract {

    @Autowired
    DispatchNoticeHandler notices;
    @Autowired
    ReceiptHandler receipts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HandlerFixtures fixtures;

    @Test
    void concurrent_notice_receipts_and_duplicates_should_always_reach_one_final_status() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            rounds(threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void rounds(ExecutorService threads) throws Exception {
        for (int round = 0; round < 100; round++) {
            String id = declaration();
            boolean rejected = round % 2 == 1;
            AgencyStatus mofcomFinal = rejected ? AgencyStatus.REJECTED : AgencyStatus.VERIFIED;
            List<Runnable> messages = new ArrayList<>(List.of(
                    apply(notices, notice(id)),
                    apply(receipts, receipts(id, receipt(id, "GACC", AgencyStatus.DELIVERED),
                            receipt(id, "GACC", AgencyStatus.ACCEPTED), receipt(id, "GACC", AgencyStatus.RELEASED))),
                    apply(receipts, receipts(id, receipt(id, "MOFCOM", mofcomFinal))),
                    apply(receipts, receipts(id, receipt(id, "MOFCOM", mofcomFinal)))));
            HandlerFixtures.atOnce(threads, messages);
            String expected = rejected ? "REJECTED" : "COMPLETED";
            assertThat(status(id)).as("round %d", round).isEqualTo(expected);
            assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'STATUS' "
                    + "and status = ?", id, expected)).as("round %d", round).isEqualTo(1);
            assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'RECEIPT' "
                    + "and agency = 'MOFCOM'", id)).as("round %d: the duplicate counted once", round).isEqualTo(1);
            assertThat(count("select count(*) from declaration_agency where declaration_id = ? and rule_id = '?'", id))
                    .as("round %d: every agency named by its rule", round).isZero();
        }
    }

    /**
     * Central reads (its inbox, the request a receipt answers) before it locks the declaration: two final receipts,
     * each read first and then applied, both reads made before either commits. At REPEATABLE READ the second
     * would derive the overall status from its snapshot, without the first one's agency; at the node's READ
     * COMMITTED it sees it.
     */
    @Test
    void receipts_read_before_their_lock_should_still_see_the_receipt_committed_before_them() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String id = declaration();
                apply(notices, notice(id)).run();
                CyclicBarrier bothRead = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                for (Envelope receipt : List.of(receipts(id, receipt(id, "GACC", AgencyStatus.RELEASED)),
                        receipts(id, receipt(id, "MOFCOM", AgencyStatus.VERIFIED)))) {
                    done.add(threads.submit(() -> tx.executeWithoutResult(s -> {
                        jdbc.queryForList("select status from declaration_agency where declaration_id = ?", id);
                        try {
                            bothRead.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        receipts.apply(receipt);
                    })));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
                assertThat(status(id)).as("round %d", round).isEqualTo("COMPLETED");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_final_receipt_before_the_dispatch_notice_should_not_complete_the_declaration_alone() {
        String id = declaration();
        apply(receipts, receipts(id, receipt(id, "GACC", AgencyStatus.RELEASED))).run();
        assertThat(status(id)).isEqualTo("RECEIVED");
        apply(notices, notice(id)).run();
        assertThat(status(id)).isEqualTo("PROCESSING");
        assertThat(jdbc.queryForObject("select status from declaration_agency where declaration_id = ? and agency = 'GACC'",
                String.class, id)).isEqualTo("RELEASED");
        apply(receipts, receipts(id, receipt(id, "MOFCOM", AgencyStatus.VERIFIED))).run();
        assertThat(status(id)).isEqualTo("COMPLETED");
    }

    @Test
    void a_dispatch_notice_replayed_after_the_final_status_should_change_nothing() {
        String id = declaration();
        apply(notices, notice(id)).run();
        apply(receipts, receipts(id, receipt(id, "GACC", AgencyStatus.RELEASED),
                receipt(id, "MOFCOM", AgencyStatus.VERIFIED))).run();
        assertThat(status(id)).isEqualTo("COMPLETED");
        apply(notices, notice(id)).run();
        apply(receipts, receipts(id, receipt(id, "GACC", AgencyStatus.ACCEPTED))).run();
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select status from declaration_agency where declaration_id = ? and agency = 'GACC'",
                String.class, id)).isEqualTo("RELEASED");
        assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'STATUS'", id))
                .as("RECEIVED, FORWARDED, PROCESSING, COMPLETED: nothing regressed or repeated").isEqualTo(4);
    }

    @Test
    void a_receipt_for_a_declaration_this_node_does_not_hold_should_be_refused_for_good() {
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(apply(receipts, receipts(unknown, receipt(unknown, "GACC", AgencyStatus.RELEASED)))::run)
                .isInstanceOf(UnknownDeclarationException.class)
                .satisfies(e -> assertThat(((UnknownDeclarationException) e).reason()).isEqualTo("UNKNOWN_DECLARATION"));
    }

    private Runnable apply(InboundHandler handler, Envelope envelope) {
        return () -> tx.executeWithoutResult(s -> handler.apply(envelope));
    }

    private Envelope notice(String id) {
        return fixtures.notice(id, "GACC", "MOFCOM");
    }

    private Envelope receipts(String id, AgencyReceipt... receipts) {
        return fixtures.receipts(id, receipts);
    }

    private AgencyReceipt receipt(String id, String agency, AgencyStatus status) {
        return fixtures.receipt(id, agency, status);
    }

    private String declaration() {
        return fixtures.declaration();
    }

    private String status(String id) {
        return fixtures.status(id);
    }

    private int count(String sql, Object... args) {
        return fixtures.count(sql, args);
    }
}
