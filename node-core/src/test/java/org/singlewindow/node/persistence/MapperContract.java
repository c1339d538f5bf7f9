package org.singlewindow.node.persistence;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.singlewindow.node.audit.AuditHead;
import org.singlewindow.node.audit.AuditMapper;
import org.singlewindow.node.declaration.DeclarationFilter;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.OutboxMapper;
import org.singlewindow.node.outbox.OutboxRow;
import org.singlewindow.node.statistics.StatisticsMapper;
import org.singlewindow.node.statistics.StatisticsRow;
import org.singlewindow.node.status.AgencyRow;
import org.singlewindow.node.status.EventRow;
import org.singlewindow.node.status.RoutingDecision;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.transport.InboxMapper;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every mapper must do, on every database the node supports. Subclasses choose the database; Flyway
 * migrates it first, so the migrations are tested on it too. Each test rolls back.
 */
@MapperTestSetup
abstract class MapperContract {

    static final Instant T0 = Instant.parse("2026-11-27T08:00:00.123Z");

    @Autowired
    DeclarationMapper declarations;
    @Autowired
    StatusMapper status;
    @Autowired
    StatisticsMapper statistics;
    @Autowired
    OutboxMapper outbox;
    @Autowired
    InboxMapper inbox;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditMapper audit;

    static DeclarationRow declaration(String id, String uscc, String reference, Instant at) {
        return new DeclarationRow(id, "GOODS_DECLARATION", uscc, reference, "h".repeat(64), "310000", "RECEIVED",
                DeclarationRow.seal(id, "{\"a\":\"报关单\"}"), at, at, null, null);
    }

    @Test
    void declarations_should_round_trip_and_be_found_by_reference() {
        declarations.insert(declaration("d-1", "91310115MA1H7G0X0M", "R-1", T0));
        DeclarationRow found = declarations.findById("d-1");
        assertThat(found).usingRecursiveComparison().ignoringFields("payload")
                .isEqualTo(declaration("d-1", "91310115MA1H7G0X0M", "R-1", T0));
        assertThat(found.document()).isEqualTo("{\"a\":\"报关单\"}");
        assertThat(declarations.findByReference("91310115MA1H7G0X0M", "R-1").id()).isEqualTo("d-1");
        assertThat(declarations.findByReference("91310115MA1H7G0X0M", "R-2")).isNull();
    }

    @Test
    void documents_should_be_sealed_with_sm4_in_the_database_and_open_for_the_mappers() {
        declarations.insert(declaration("d-1", "91310115MA1H7G0X0M", "R-1", T0));
        outbox.insert(new OutboxRow(null, "m-1", "sw.out.central", "d-1", OutboxRow.seal("m-1", "{\"报关单\":1}"), T0));
        JdbcTemplate raw = new JdbcTemplate(dataSource);
        for (String column : List.of("select payload from declaration", "select body from outbox")) {
            assertThat(raw.queryForObject(column, String.class)).startsWith("sm4gcm:test-2026:").doesNotContain("报关单");
        }
        assertThat(declarations.findById("d-1").document()).isEqualTo("{\"a\":\"报关单\"}");
        assertThat(outbox.claim(10).get(0).text()).isEqualTo("{\"报关单\":1}");
    }

    @Test
    void a_sealed_document_copied_into_another_row_should_not_open_there() {
        declarations.insert(declaration("d-1", "91310115MA1H7G0X0M", "R-1", T0));
        declarations.insert(declaration("d-2", "91310115MA1H7G0X0M", "R-2", T0));
        JdbcTemplate raw = new JdbcTemplate(dataSource);
        raw.update("update declaration set payload = (select payload from (select payload from declaration "
                + "where id = 'd-1') p) where id = 'd-2'");
        assertThat(raw.queryForObject("select count(distinct payload) from declaration", Integer.class)).isEqualTo(1);
        assertThat(declarations.findById("d-1").document()).isEqualTo("{\"a\":\"报关单\"}");
        assertThatThrownBy(() -> declarations.findById("d-2").document()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void the_audit_chain_should_round_trip_exactly_and_move_its_head() {
        AuditHead head = audit.lockHead();
        assertThat(head).isEqualTo(new AuditHead(0, AuditChain.GENESIS));
        AuditRecord first = AuditChain.next(head.seq(), head.hash(), T0, "310000", "sh-acme", "SUBMITTED", "d-1",
                "GOODS_DECLARATION");
        AuditRecord second = AuditChain.next(first.seq(), first.hash(), T0.plusMillis(1), "310000", "agency:GACC",
                "RECEIPT", "d-1", "RELEASED 800");
        for (AuditRecord r : List.of(first, second)) {
            audit.insert(r);
            audit.updateHead(r.seq(), r.hash());
        }
        assertThat(audit.page(0, 10)).containsExactly(first, second);
        assertThat(audit.page(1, 10)).containsExactly(second);
        assertThat(AuditChain.verify(audit.page(0, 10), audit.head().seq(), audit.head().hash())).isEmpty();
    }

    @Test
    void a_broker_should_find_the_declarations_it_submitted_for_others() {
        declarations.insert(declaration("d-1", "P", "R-1", T0));
        DeclarationRow byBroker = new DeclarationRow("d-2", "GOODS_DECLARATION", "P", "R-2", "h".repeat(64), "310000",
                "RECEIVED", DeclarationRow.seal("d-2", "{}"), T0.plusSeconds(1), T0.plusSeconds(1), "B", "g-1");
        declarations.insert(byBroker);
        assertThat(declarations.findById("d-2")).usingRecursiveComparison().ignoringFields("payload").isEqualTo(byBroker);
        assertThat(declarations.search(where("B", null, null, null), 10, 0)).extracting(DeclarationRow::id)
                .containsExactly("d-2");
        assertThat(declarations.search(where("P", null, null, null), 10, 0)).extracting(DeclarationRow::id)
                .containsExactly("d-2", "d-1");
        assertThat(declarations.count(where("B", null, null, null))).isEqualTo(1);
    }

    @Test
    void a_second_declaration_with_the_same_reference_should_be_refused_by_the_database() {
        declarations.insert(declaration("d-1", "91310115MA1H7G0X0M", "R-1", T0));
        assertThatThrownBy(() -> declarations.insert(declaration("d-2", "91310115MA1H7G0X0M", "R-1", T0)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void status_should_change_only_when_different() {
        declarations.insert(declaration("d-1", "U", "R-1", T0));
        assertThat(status.updateStatus("d-1", "RECEIVED", T0)).isZero();
        assertThat(status.updateStatus("d-1", "FORWARDED", T0.plusSeconds(1))).isEqualTo(1);
        assertThat(declarations.findById("d-1").status()).isEqualTo("FORWARDED");
    }

    @Test
    void search_should_filter_by_declarant_status_and_time_and_page_newest_first() {
        for (int i = 0; i < 5; i++) {
            declarations.insert(declaration("d-" + i, i < 4 ? "A" : "B", "R-" + i, T0.plusSeconds(i)));
        }
        status.updateStatus("d-1", "COMPLETED", T0);
        assertThat(declarations.search(where("A", null, null, null), 2, 0)).extracting(DeclarationRow::id)
                .containsExactly("d-3", "d-2");
        assertThat(declarations.search(where("A", null, null, null), 2, 2)).extracting(DeclarationRow::id)
                .containsExactly("d-1", "d-0");
        assertThat(declarations.search(where("A", "COMPLETED", null, null), 10, 0)).extracting(DeclarationRow::id)
                .containsExactly("d-1");
        assertThat(declarations.search(where("A", null, T0.plusSeconds(1), T0.plusSeconds(3)), 10, 0))
                .extracting(DeclarationRow::id).containsExactly("d-2", "d-1");
        assertThat(declarations.count(where("A", null, null, null))).isEqualTo(4);
        assertThat(declarations.count(where(null, null, null, null))).isEqualTo(5);
    }

    static DeclarationFilter where(String party, String status, Instant from, Instant to) {
        return new DeclarationFilter(party, null, status, null, from, to, null, null);
    }

    @Test
    void search_should_filter_by_type_reference_agency_and_hs_code_prefix() {
        declarations.insert(declaration("d-1", "A", "R-1", T0));
        declarations.insert(new DeclarationRow("d-2", "MANIFEST", "A", "R-2", "h".repeat(64), "310000", "RECEIVED",
                DeclarationRow.seal("d-2", "{}"), T0, T0, null, null));
        declarations.insertItems("d-1", List.of("8471300000", "8517130000"));
        status.insertAgency(new AgencyRow("d-1", "GACC", "rule", "PENDING", 0, T0, null, null, null));
        status.insertAgency(new AgencyRow("d-2", "MSA", "rule", "PENDING", 0, T0, null, null, null));
        assertThat(declarations.search(new DeclarationFilter("A", "MANIFEST", null, null, null, null, null, null),
                10, 0)).extracting(DeclarationRow::id).containsExactly("d-2");
        assertThat(declarations.search(new DeclarationFilter(null, null, null, null, null, null, "R-1", null), 10, 0))
                .extracting(DeclarationRow::id).containsExactly("d-1");
        assertThat(declarations.search(new DeclarationFilter(null, null, null, "MSA", null, null, null, null), 10, 0))
                .extracting(DeclarationRow::id).containsExactly("d-2");
        for (String prefix : List.of("84", "8471", "8517130000")) {
            assertThat(declarations.search(new DeclarationFilter(null, null, null, null, null, null, null, prefix),
                    10, 0)).as(prefix).extracting(DeclarationRow::id).containsExactly("d-1");
        }
        assertThat(declarations.count(new DeclarationFilter(null, null, null, "GACC", null, null, null, "85")))
                .isEqualTo(1);
        assertThat(declarations.count(new DeclarationFilter(null, null, null, "MSA", null, null, null, "85")))
                .isZero();
    }

    @Test
    void statistics_should_read_each_declaration_with_each_of_its_agencies() {
        declarations.insert(declaration("d-1", "A", "R-1", T0));
        declarations.insert(declaration("d-2", "A", "R-2", T0.plusSeconds(1)));
        status.insertAgency(new AgencyRow("d-1", "GACC", "rule", "RELEASED", 3, T0.plusSeconds(60), null, null, null));
        status.insertAgency(new AgencyRow("d-1", "MOFCOM", "rule", "PENDING", 0, T0, null, null, null));
        assertThat(statistics.rows(where(null, null, null, null), 10)).extracting(StatisticsRow::id,
                StatisticsRow::agency, StatisticsRow::agencyStatus).containsExactly(
                org.assertj.core.api.Assertions.tuple("d-1", "GACC", "RELEASED"),
                org.assertj.core.api.Assertions.tuple("d-1", "MOFCOM", "PENDING"),
                org.assertj.core.api.Assertions.tuple("d-2", null, null));
        assertThat(statistics.rows(where(null, null, null, null), 10).get(0).agencyUpdatedAt())
                .isEqualTo(T0.plusSeconds(60));
        assertThat(statistics.rows(new DeclarationFilter(null, null, null, "GACC", null, null, null, null), 10))
                .extracting(StatisticsRow::id).containsExactly("d-1", "d-1");
    }

    @Test
    void events_should_come_back_in_append_order_and_a_key_should_be_unique() {
        status.insertEvent(new EventRow(null, "d-1", "STATUS", "310000", null, "RECEIVED", null, null, null, T0, T0));
        status.insertEvent(new EventRow(null, "d-1", "RECEIPT", "310000", "GACC", "ACCEPTED", "120", "入库",
                "receipt:GACC:r1", T0, T0));
        status.insertEvent(new EventRow(null, "d-2", "STATUS", "310000", null, "RECEIVED", null, null, null, T0, T0));
        List<EventRow> events = status.eventsAfter("d-1", 0);
        assertThat(events).extracting(EventRow::status).containsExactly("RECEIVED", "ACCEPTED");
        assertThat(events.get(1).detail()).isEqualTo("入库");
        assertThat(status.eventsAfter("d-1", events.get(0).id())).hasSize(1);
        assertThat(status.eventsWithKey("receipt:GACC:r1")).hasSize(1);
        assertThatThrownBy(() -> status.insertEvent(new EventRow(null, "d-1", "RECEIPT", "310000", "GACC",
                "ACCEPTED", "120", null, "receipt:GACC:r1", T0, T0))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void an_agency_status_should_only_move_forward_and_keep_its_first_final_status() {
        AgencyRow gacc = new AgencyRow("d-1", "GACC", "rule", "PENDING", 0, T0, null, null, null);
        assertThat(status.insertAgency(gacc)).isEqualTo(1);
        assertThatThrownBy(() -> status.insertAgency(gacc)).isInstanceOf(DuplicateKeyException.class);
        assertThat(status.advanceAgency("d-1", "GACC", "RELEASED", 3, T0)).isEqualTo(1);
        assertThat(status.advanceAgency("d-1", "GACC", "ACCEPTED", 2, T0)).isZero();
        assertThat(status.advanceAgency("d-1", "GACC", "REJECTED", 3, T0)).isZero();
        assertThat(status.agencies("d-1")).extracting(AgencyRow::status).containsExactly("RELEASED");
        status.insertAgency(new AgencyRow("d-1", "MOFCOM", "rule", "PENDING", 0, T0, null, null, null));
        assertThat(status.advanceAgency("d-1", "MOFCOM", "ACCEPTED", 2, T0)).isEqualTo(1);
        assertThat(status.advanceAgency("d-1", "MOFCOM", "INSPECTION", 2, T0)).isEqualTo(1);
        assertThat(status.agencies("d-1")).extracting(AgencyRow::agency).containsExactly("GACC", "MOFCOM");
    }

    @Test
    void a_routing_decision_should_be_kept_with_its_agency_and_completed_once_when_a_receipt_came_first() {
        var followUp = new RoutingDecision("tax-after-bank", List.of("clientReference", "data.items[].hsCode"),
                "BANK", "VERIFIED");
        status.insertAgency(new AgencyRow("d-1", "STA", followUp.ruleId(), "PENDING", 0, T0,
                "[\"clientReference\",\"data.items[].hsCode\"]", "BANK", "VERIFIED"));
        status.insertAgency(new AgencyRow("d-1", "GACC", "?", "ACCEPTED", 2, T0, null, null, null));
        var customs = new RoutingDecision("customs", List.of("*"), null, null);
        assertThat(status.decideAgency("d-1", "GACC", customs, "[\"*\"]")).isEqualTo(1);
        assertThat(status.decideAgency("d-1", "GACC", customs, "[\"*\"]")).as("only a row awaiting its decision")
                .isZero();
        assertThat(status.agencies("d-1")).extracting(AgencyRow::decision).containsExactly(customs, followUp);
    }

    @Test
    void the_outbox_should_hand_out_rows_oldest_first_and_never_a_parked_one() {
        outbox.insert(new OutboxRow(null, "m-1", "sw.out.central", "d-1", OutboxRow.seal("m-1", "{}"), T0));
        outbox.insert(new OutboxRow(null, "m-2", "sw.out.central", "d-1", OutboxRow.seal("m-2", "{}"), T0));
        outbox.insert(new OutboxRow(null, "m-3", "sw.out.central", "d-1", OutboxRow.seal("m-3", "{}"), T0));
        List<OutboxRow> rows = outbox.claim(10);
        assertThat(rows).extracting(OutboxRow::messageId).containsExactly("m-1", "m-2", "m-3");
        assertThat(outbox.delete(rows.get(0).id())).isEqualTo(1);
        assertThat(outbox.park(rows.get(1).id(), "BODY_UNREADABLE: test", T0)).isEqualTo(1);
        assertThat(outbox.claim(10)).extracting(OutboxRow::messageId).containsExactly("m-3");
        assertThat(outbox.parked(10)).singleElement().satisfies(parked -> {
            assertThat(parked.messageId()).isEqualTo("m-2");
            assertThat(parked.parkReason()).isEqualTo("BODY_UNREADABLE: test");
            assertThat(parked.parkedAt()).isEqualTo(T0);
        });
        assertThat(outbox.unpark(rows.get(1).id())).isEqualTo(1);
        assertThat(outbox.unpark(rows.get(1).id())).isZero();
        assertThat(outbox.claim(10)).extracting(OutboxRow::messageId).containsExactly("m-2", "m-3");
        assertThat(outbox.deleteParked(rows.get(2).id())).as("only a parked row is discarded").isZero();
        assertThat(outbox.count()).isEqualTo(2);
    }

    @Test
    void the_inbox_should_refuse_a_message_id_twice_per_consumer() {
        assertThat(inbox.exists("m-1", "c")).isFalse();
        inbox.insert("m-1", "c", T0);
        assertThat(inbox.exists("m-1", "c")).isTrue();
        inbox.insert("m-1", "other", T0);
        assertThatThrownBy(() -> inbox.insert("m-1", "c", T0)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void retention_should_prune_old_inbox_ids_in_batches_once_the_inbox_registered_them_and_keep_the_rest() {
        java.time.Duration day = java.time.Duration.ofDays(1);
        for (int i = 0; i < 5; i++) {
            inbox.insert("old-" + i, "c", T0.minus(day.multipliedBy(40)));
        }
        inbox.insert("recent", "c", T0.minus(day));
        var keep = new org.singlewindow.node.retention.RetentionProperties(java.time.Duration.ofHours(1),
                day.multipliedBy(30), day.multipliedBy(180), day, 2);
        var clock = java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC);
        var retention = new org.singlewindow.node.retention.Retention(keep, clock);
        new org.singlewindow.node.transport.Inbox(inbox, clock, retention, keep);
        assertThat(retention.prune()).containsEntry("inbox", 5);
        assertThat(inbox.exists("recent", "c")).isTrue();
        assertThat(inbox.exists("old-0", "c")).isFalse();
    }

    @Test
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void two_relays_should_never_claim_the_same_outbox_row() throws Exception {
        var transactions = ownTransactions();
        JdbcTemplate raw = new JdbcTemplate(dataSource);
        try {
            committedOutboxRows(transactions, "claim-", 4);
            var holding = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
                List<String> claimed = outbox.claim(2).stream().map(OutboxRow::messageId).toList();
                holding.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claimed;
            }));
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            List<String> second = transactions.execute(s -> outbox.claim(10).stream().map(OutboxRow::messageId)
                    .toList());
            release.countDown();
            assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("claim-1", "claim-2");
            assertThat(second).as("rows the first relay holds are skipped, not waited for")
                    .containsExactly("claim-3", "claim-4");
        } finally {
            raw.update("delete from outbox where message_id like 'claim-%'");
        }
    }

    @Test
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void two_relays_should_delete_what_they_published_without_waiting_for_each_other() throws Exception {
        var transactions = ownTransactions();
        JdbcTemplate raw = new JdbcTemplate(dataSource);
        var release = new java.util.concurrent.CountDownLatch(1);
        try {
            committedOutboxRows(transactions, "published-", 40); // a batch each, half the table: MariaDB scanned it all
            var holding = new java.util.concurrent.CountDownLatch(1);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
                List<OutboxRow> claimed = outbox.claim(20);
                holding.countDown();
                try {
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claimed.stream().mapToInt(row -> outbox.delete(row.id())).sum();
            }));
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> transactions.execute(s ->
                    outbox.claim(20).stream().mapToInt(row -> outbox.delete(row.id())).sum()));
            assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("deleted its own rows while the first relay still held the others").isEqualTo(20);
            release.countDown();
            assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(20);
            assertThat(raw.queryForObject("select count(*) from outbox where message_id like 'published-%'",
                    Integer.class)).isZero();
        } finally {
            release.countDown();
            raw.update("delete from outbox where message_id like 'published-%'");
        }
    }

    /** Transactions of the test's own, committed (the test method runs outside the rollback-only one). */
    private org.springframework.transaction.support.TransactionTemplate ownTransactions() {
        return new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
    }

    private void committedOutboxRows(org.springframework.transaction.support.TransactionTemplate transactions,
                                     String prefix, int count) {
        transactions.executeWithoutResult(s -> {
            for (int i = 1; i <= count; i++) {
                String id = prefix + i;
                outbox.insert(new OutboxRow(null, id, "sw.out.central", "d-1", OutboxRow.seal(id, "{}"), T0));
            }
        });
    }
}
