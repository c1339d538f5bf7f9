package org.singlewindow.provincial.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.change.Decision;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.ChangeResult;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.atrest.AtRestConfiguration;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.SignatureMapper;
import org.singlewindow.node.status.SseHub;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.provincial.results.DispatchNoticeHandler;
import org.singlewindow.provincial.results.ReceiptHandler;
import org.singlewindow.provincial.support.HandlerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change and the receipts it races, at the province, in any order and at once (issue 27): central's report on a
 * cancellation or an amendment, the dispatch notice, customs' receipts (to the release) and a duplicate report,
 * started together at a barrier, one thread each, 50 rounds a race. Whatever the order, the document reaches one
 * final outcome, once: an approved cancellation ends it CANCELLED with no status after that; an amendment
 * approved against the release makes version 2 current and the document completes; a refused cancellation leaves
 * the agencies' outcome. Each message is applied by the real handler in a transaction of its own, as the inbound
 * dispatcher applies it. Subclasses choose the database.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import({AtRestConfiguration.class, org.singlewindow.node.persistence.ConnectionSettings.class, StatusService.class,
        SseHub.class, AuditLog.class, DispatchNoticeHandler.class, ReceiptHandler.class, ChangeResultHandler.class,
        ChangeStore.class, EnvelopeCodec.class, HandlerFixtures.Beans.class,
        ChangeStatusOrderContract.Signatures.class})
@TestPropertySource(properties = {
        "spring.test.database.replace=none",
        "sw.code=310000",
        "mybatis.type-handlers-package=org.singlewindow.node.persistence",
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "mybatis.configuration.arg-name-based-constructor-auto-mapping=true"})
abstract class ChangeStatusOrderContract {

    private static final int ROUNDS = 50;

    /** Only {@link DocumentSignatures#signatureOf} is used here (keeping version 1 when an amendment opens). */
    static class Signatures {
        @Bean
        DocumentSignatures documentSignatures(SignatureMapper signatures, Clock clock) {
            return new DocumentSignatures(null, signatures, new SimpleMeterRegistry(), clock);
        }
    }

    @Autowired
    DispatchNoticeHandler notices;
    @Autowired
    ReceiptHandler receipts;
    @Autowired
    ChangeResultHandler results;
    @Autowired
    ChangeStore store;
    @Autowired
    DeclarationMapper declarations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HandlerFixtures fixtures;

    private ExecutorService threads;

    @BeforeAll
    void threads() {
        threads = Executors.newFixedThreadPool(5); // one thread per message of the largest race
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void an_approved_cancellation_racing_the_receipts_should_end_cancelled_once_with_no_status_after() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = declaration();
            ChangeRow change = open(id, ChangeKind.CANCELLATION, null);
            Envelope approved = result(id, change, ChangeState.APPROVED, Decision.APPROVED);
            race(notice(id), receipts(id, AgencyStatus.DELIVERED, AgencyStatus.ACCEPTED),
                    result(id, change, ChangeState.OPEN, Decision.PENDING), approved, duplicate(approved));
            assertThat(status(id)).as("round %d", round).isEqualTo("CANCELLED");
            assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'STATUS'"
                    + " and status = 'CANCELLED'", id)).as("round %d", round).isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from declaration_event where declaration_id = ? and kind ="
                    + " 'STATUS' order by id desc limit 1", String.class, id))
                    .as("round %d: no status after CANCELLED", round).isEqualTo("CANCELLED");
            settledOnce(id, change, "APPROVED", round);
        }
    }

    @Test
    void a_refused_cancellation_racing_the_release_should_leave_the_agencies_outcome() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = declaration();
            ChangeRow change = open(id, ChangeKind.CANCELLATION, null);
            Envelope refused = result(id, change, ChangeState.REFUSED, Decision.REFUSED);
            race(notice(id), receipts(id, AgencyStatus.DELIVERED, AgencyStatus.ACCEPTED, AgencyStatus.RELEASED),
                    refused, duplicate(refused));
            assertThat(status(id)).as("round %d", round).isEqualTo("COMPLETED");
            assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'STATUS'"
                    + " and status = 'CANCELLED'", id)).as("round %d", round).isZero();
            settledOnce(id, change, "REFUSED", round);
        }
    }

    @Test
    void an_amendment_approved_against_the_release_should_make_its_version_current_and_complete_once()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = declaration();
            ObjectNode v2 = Json.MAPPER.createObjectNode();
            v2.putObject("data").put("remarks", "version 2 of round " + round);
            ChangeRow change = open(id, ChangeKind.AMENDMENT, v2);
            Envelope approved = result(id, change, ChangeState.APPROVED, Decision.APPROVED);
            race(notice(id), receipts(id, AgencyStatus.DELIVERED, AgencyStatus.ACCEPTED, AgencyStatus.RELEASED),
                    approved, duplicate(approved));
            assertThat(status(id)).as("round %d", round).isEqualTo("COMPLETED");
            assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'STATUS'"
                    + " and status = 'COMPLETED'", id)).as("round %d", round).isEqualTo(1);
            assertThat(count("select current_version from declaration where id = ?", id)).as("round %d", round)
                    .isEqualTo(2);
            assertThat(declarations.findById(id).document()).as("round %d", round).contains("version 2 of round");
            settledOnce(id, change, "APPROVED", round);
        }
    }

    private void settledOnce(String id, ChangeRow change, String state, int round) {
        assertThat(jdbc.queryForObject("select state from declaration_change where id = ?", String.class,
                change.id())).as("round %d", round).isEqualTo(state);
        assertThat(jdbc.queryForObject("select open_change from declaration where id = ?", String.class, id))
                .as("round %d: no change open", round).isNull();
        assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'CHANGE'"
                + " and status = ? and agency is null", id, state)).as("round %d: settled once", round).isEqualTo(1);
        assertThat(count("select count(*) from declaration_event where declaration_id = ? and kind = 'CHANGE'"
                + " and agency = 'GACC'", id)).as("round %d: customs' answer recorded once", round).isEqualTo(1);
    }

    /** Applies the messages at once, each in its own transaction, in an order shuffled each round. */
    private void race(Envelope... envelopes) throws Exception {
        List<Runnable> messages = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            InboundHandler handler = switch (envelope.messageType()) {
                case DISPATCH_NOTICE -> notices;
                case AGENCY_RECEIPT -> receipts;
                case CHANGE_RESULT -> results;
                default -> throw new IllegalArgumentException(envelope.messageType().name());
            };
            messages.add(() -> tx.executeWithoutResult(s -> handler.apply(envelope)));
        }
        HandlerFixtures.atOnce(threads, messages);
    }

    private String declaration() {
        return fixtures.declaration();
    }

    private ChangeRow open(String id, ChangeKind kind, ObjectNode newVersion) {
        ChangeRow change = new ChangeRow(UUID.randomUUID().toString(), id, kind.name(),
                kind == ChangeKind.AMENDMENT ? 2 : 0, "05", "race", ChangeState.REQUESTED.name(), null,
                UUID.randomUUID().toString(), "declarant", fixtures.now(), null);
        tx.executeWithoutResult(s -> {
            store.lock(id);
            store.open(declarations.findById(id), change, newVersion == null ? null
                    : new ChangeStore.Signed(newVersion, null, "91310115MA1H7G0X0M"));
        });
        return change;
    }

    private Envelope notice(String id) {
        return fixtures.notice(id, "GACC");
    }

    private Envelope receipts(String id, AgencyStatus... statuses) {
        return fixtures.receipts(id, java.util.Arrays.stream(statuses).map(st -> fixtures.receipt(id, "GACC", st))
                .toArray(AgencyReceipt[]::new));
    }

    private Envelope result(String id, ChangeRow change, ChangeState state, Decision customs) {
        return fixtures.envelope(id, MessageType.CHANGE_RESULT, new ChangeResult(change.id(), state, "race " + state,
                List.of(new ChangeResult.Answer("GACC", customs, customs == Decision.REFUSED ? "CHG-800" : null,
                        null)), fixtures.now()));
    }

    /** The same report again, as a redelivery brings it (a new message id: the inbox would not stop it). */
    private Envelope duplicate(Envelope envelope) {
        return fixtures.envelope(envelope.declarationId(), envelope.messageType(), envelope.payload());
    }

    private String status(String id) {
        return fixtures.status(id);
    }

    private int count(String sql, Object... args) {
        return fixtures.count(sql, args);
    }
}
